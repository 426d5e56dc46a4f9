"""A page read after its review date says so, on the reader's own clock, however long ago the site was
built; before that date it does not. Without JavaScript the page still shows its review date and its
last change, and the changelog lists every page's changes."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Browser, Page, expect

from scripts.page_changes import long_date, read_history
from tests.test_browser_guide import assert_accessible, open_page, screenshot
from tests.test_browser_pages import DOCS

pytestmark = pytest.mark.browser
PAGE = "process/stage-1-triage"
HISTORY, _ = read_history(f"{PAGE}.md", (DOCS / f"{PAGE}.md").read_text(encoding="utf-8"))
assert HISTORY is not None
DUE = HISTORY.review_by
NOTICE = f"This page was due for review on {long_date(DUE)}. Check with your MASH that it is still current."


def at(page: Page, day: datetime.date) -> None:
    """The reader's clock reads midday on ``day`` (set before the page loads, as a reader's would be)."""
    page.clock.set_fixed_time(datetime.datetime(day.year, day.month, day.day, 12, 0))


def opened(browser: Browser, site_url: str, *, width: int = 1280, javascript: bool = True) -> Page:
    page, _ = open_page(browser, javascript=javascript)
    page.set_viewport_size({"width": width, "height": 812 if width < 600 else 900})
    return page


@pytest.mark.parametrize("width", [1280, 375])
def test_a_page_read_after_its_review_date_says_so(browser: Browser, site_url: str, width: int) -> None:
    page = opened(browser, site_url, width=width)
    at(page, DUE + datetime.timedelta(days=1))
    page.goto(site_url + f"{PAGE}.html")
    notice = page.locator(".mg-review-due")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(NOTICE)
    assert_accessible(page, f"review notice at {width} px")
    screenshot(page, f"review-due-{width}")
    page.context.close()


def test_a_page_read_on_or_before_its_review_date_shows_no_notice(browser: Browser, site_url: str) -> None:
    page = opened(browser, site_url)
    at(page, DUE)
    page.goto(site_url + f"{PAGE}.html")
    expect(page.locator(".mg-reviewed")).to_contain_text(f"Next review due by {long_date(DUE)}.")
    expect(page.locator(".mg-review-due")).to_be_hidden()
    page.context.close()


def test_without_javascript_the_page_shows_its_review_date_and_last_change(browser: Browser, site_url: str) -> None:
    page = opened(browser, site_url, width=375, javascript=False)
    page.goto(site_url + f"{PAGE}.html")
    day, summary = HISTORY.changes[0]
    expect(page.locator(".mg-reviewed")).to_contain_text(f"Next review due by {long_date(DUE)}.")
    expect(page.locator(".mg-changed")).to_contain_text(f"Last changed on {long_date(day)}: {summary}")
    expect(page.locator(".mg-review-due")).to_be_hidden()
    screenshot(page.locator(".mg-page-history").page, "review-date-no-javascript-375")
    page.context.close()


def test_the_changelog_lists_each_page_with_its_changes(browser: Browser, site_url: str) -> None:
    page = opened(browser, site_url)
    page.goto(site_url + f"{PAGE}.html")
    page.get_by_role("link", name="Changes by page").click()
    entry = page.locator("#by-page ~ dl dt", has_text=HISTORY.title)
    expect(entry).to_have_count(1)
    definition = entry.locator("xpath=following-sibling::dd[1]")
    expect(definition).to_contain_text(HISTORY.changes[0][1])
    entry.get_by_role("link").click()
    expect(page.get_by_role("heading", name=HISTORY.title, level=1)).to_be_visible()
    page.context.close()
