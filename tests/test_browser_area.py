""" "Your area" as a person meets it: nothing is kept until they choose; choosing Barnet puts Barnet's
rules first on the pages and in a guide outcome, with the other areas folded under their names, and
survives a reload; choosing all areas shows every rule as written. A guide's own area question is left
for the person to answer. A one-area build shows its area first before anyone chooses."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from decision_engine import Walk, encode
from scripts.build import run_mkdocs
from tests.conftest import load_guide
from tests.test_browser_guide import READY, Watched, assert_accessible, screenshot
from tests.test_browser_guide import served as served

pytestmark = pytest.mark.browser

KEY = "mash-handbook-area"
CONSENT = "consent/consent-and-information-sharing.html"
REFERRING = "referring/worried-about-a-child.html"
RATINGS = "process/ratings.html"
GUIDE_PAGE = "guides/worried-about-a-child.html"
GUIDE = load_guide("worried_about_a_child")


def walk_to(*answers: tuple[str, str | tuple[str, ...]]) -> str:
    walk = Walk(GUIDE)
    for question, answer in answers:
        walk = walk.with_answer(question, answer)
    return "#walk=" + encode(walk)


# Significant harm, area not known: the outcome lists every area's contacts and rules.
AREA_NOT_KNOWN = walk_to(
    ("immediate_danger", "no"), ("significant_harm", "yes"), ("also_applies", ("none",)), ("area", "other")
)
AREA_QUESTION = walk_to(("immediate_danger", "no"), ("significant_harm", "yes"), ("also_applies", ("none",)))


def choose_area(page: Page, area: str) -> None:
    page.get_by_label("Your area", exact=True).select_option(area)
    page.get_by_role("button", name="Save").click()


def stored(page: Page) -> str | None:
    return page.evaluate(f"localStorage.getItem('{KEY}')")


def at_the_area_question(page: Page, site_url: str, chosen: str) -> Page:
    """Save an area, then open the guide at its own area question, with the engine ready."""
    page.goto(site_url + GUIDE_PAGE)
    choose_area(page, chosen)
    page.goto(site_url + GUIDE_PAGE + AREA_QUESTION)
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    return page


def first_area_block(page: Page) -> str | None:
    return page.locator(".mg-area-rule:visible").first.get_attribute("data-area")


def check_both_widths(page: Page, state: str) -> None:
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 812 if width < 600 else 900})
        assert_accessible(page, f"{state} at {width} px")
        screenshot(page, f"area-{state}-{width}")


def test_nothing_is_kept_until_a_person_chooses_and_every_area_is_shown(served: Watched, site_url: str) -> None:
    page = served.page
    for path in (CONSENT, REFERRING, RATINGS, GUIDE_PAGE):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        expect(page.locator(".mg-area-choice__status")).to_have_text("Not chosen: every area's rules are shown.")
        expect(page.locator("details.mg-area-fold")).to_have_count(0)
        assert page.evaluate("localStorage.length") == 0, f"{path} stored something before a choice"
    check_both_widths(page, "not-chosen")


def test_barnet_first_on_the_pages_after_a_reload_then_all_areas(served: Watched, site_url: str) -> None:
    page = served.page
    page.goto(site_url + CONSENT)
    choose_area(page, "barnet")
    assert stored(page) == "barnet"
    page.reload()
    expect(page.get_by_label("Your area", exact=True)).to_have_value("barnet")
    # The consent model: Barnet's paragraph first, Waltham Forest's folded under its name.
    model = page.locator("#consent-based-model ~ *").first
    expect(model).to_have_attribute("data-area", "barnet")
    fold = page.locator("details.mg-area-fold", has_text="Waltham Forest").first
    expect(fold).not_to_have_attribute("open", "")
    expect(fold.locator(".mg-area-rule")).to_be_hidden()
    # The table of each area's rule: Barnet's row shown, the others in a closed "Other areas" fold.
    table = page.locator("#by-area ~ .md-typeset__scrollwrap table").first
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table.locator("tbody tr td").first).to_have_text("Barnet")
    others_label = "Other areas: Waltham Forest, Northamptonshire and Rotherham"
    others = page.locator("details.mg-area-fold", has_text=others_label)
    expect(others.locator("tbody tr")).to_have_count(3)
    others.locator("summary").click()
    expect(others.locator("tbody tr").first).to_be_visible()
    check_both_widths(page, "consent-barnet")

    page.goto(site_url + RATINGS)
    assert first_area_block(page) == "barnet"
    expect(page.locator("details.mg-area-fold > summary")).to_have_text(
        [
            "Northamptonshire",
            "Rotherham",
            "Waltham Forest",
            "Other areas: Northamptonshire, Rotherham and Waltham Forest",
        ]
    )
    page.goto(site_url + REFERRING)
    expect(page.locator("details.mg-area-fold", has_text="Waltham Forest").first).to_be_attached()
    check_both_widths(page, "referring-barnet")

    choose_area(page, "all")
    expect(page.locator("details.mg-area-fold")).to_have_count(0)
    page.reload()
    assert stored(page) == "all"
    expect(page.locator("details.mg-area-fold")).to_have_count(0)
    # Every block is back where it was written: Waltham Forest's consent model first again.
    page.goto(site_url + CONSENT)
    assert first_area_block(page) == "waltham_forest"
    check_both_widths(page, "consent-all")


FIRST_RESPONSE = "process/first-response.html"
STAGES_3_AND_4 = "process/stages-3-and-4.html"


def test_a_page_from_two_areas_puts_barnets_section_first_and_a_link_opens_a_folded_one(
    served: Watched, site_url: str
) -> None:
    page = served.page
    page.goto(site_url + FIRST_RESPONSE)
    choose_area(page, "barnet")
    assert first_area_block(page) == "barnet"
    expect(page.locator(".mg-area-rule:visible h2").first).to_contain_text("How the MASH works in Barnet")
    rotherham = page.locator("details.mg-area-fold", has_text="Rotherham")
    expect(rotherham.locator("> summary")).to_have_text("Rotherham")
    expect(page.locator("#triage")).to_be_hidden()
    expect(page.locator(".mg-page-areas")).to_be_hidden()  # Barnet is one of this page's areas
    # A link to a heading inside the fold (the table of contents, another page) opens the fold.
    page.goto(site_url + FIRST_RESPONSE + "#triage")
    expect(page.locator("#triage")).to_be_visible()
    expect(page.locator("#triage")).to_be_in_viewport()
    check_both_widths(page, "first-response-barnet")


def test_a_printout_keeps_every_areas_rules_when_an_area_is_chosen(served: Watched, site_url: str) -> None:
    page = served.page
    page.goto(site_url + FIRST_RESPONSE)
    choose_area(page, "barnet")
    expect(page.locator("#triage")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator("#triage")).to_be_visible()  # Rotherham's timescale, folded on screen
    page.emulate_media(media="screen")
    # The print dialog itself: the folds open for it and close again after.
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("details.mg-area-fold:not([open])")).to_have_count(0)
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("#triage")).to_be_hidden()


def test_a_page_from_another_areas_sources_says_so_at_the_top(served: Watched, site_url: str) -> None:
    page = served.page
    page.goto(site_url + STAGES_3_AND_4)
    expect(page.locator(".mg-page-areas")).to_be_hidden()
    choose_area(page, "waltham_forest")
    note = page.locator(".mg-page-areas")
    expect(note).to_be_visible()
    expect(note).to_contain_text("written only from the sources for Rotherham")
    expect(note).to_contain_text("does not describe the procedure in Waltham Forest")
    expect(note.get_by_role("link", name="what to do if you are worried")).to_have_attribute(
        "href", "../referring/worried-about-a-child.html"
    )
    check_both_widths(page, "stages-3-and-4-waltham-forest")
    choose_area(page, "rotherham")
    expect(note).to_be_hidden()
    choose_area(page, "all")
    expect(note).to_be_hidden()


def test_changing_the_area_twice_puts_the_page_back_as_written(served: Watched, site_url: str) -> None:
    page = served.page
    page.goto(site_url + CONSENT)
    written = page.locator("article").inner_text()
    choose_area(page, "rotherham")
    choose_area(page, "barnet")
    page.get_by_role("button", name="Forget my choice").click()
    assert stored(page) is None
    assert page.locator("article").inner_text() == written


def test_a_guide_outcome_shows_the_chosen_areas_contacts_and_folds_the_others(served: Watched, site_url: str) -> None:
    page = at_the_area_question(served.page, site_url, chosen="barnet")
    # The guide's own area question is the person's to answer: nothing is chosen for them.
    expect(page.locator(".mg-live .mg-heading")).to_have_text("Which area's MASH would you contact?")
    expect(page.locator(".mg-live input[name=answer]:checked")).to_have_count(0)

    page.goto(site_url + GUIDE_PAGE + AREA_NOT_KNOWN)
    page.reload()
    expect(page.locator(READY)).to_be_attached(timeout=60_000)
    live = page.locator(".mg-live")
    expect(live.locator(".mg-heading").first).to_have_text("Phone the MASH now, then send the written referral")
    contacts = live.locator("ul.mg-contacts").first
    expect(contacts.locator("> li")).to_have_count(1)
    expect(contacts).to_contain_text("Barnet MASH")
    other = live.locator("details.mg-area-fold", has_text="Other areas").filter(has=page.locator("ul.mg-contacts"))
    expect(other.locator("summary")).to_have_text("Other areas")
    expect(other.locator("li")).to_have_count(3)
    expect(other.locator("li", has_text="Rotherham MASH")).to_contain_text("Not given in the source.")
    # Other areas' rules in the checklist are folded too; the rules for every area stay in the list.
    checklist = live.locator("ol.mg-actions").first
    expect(checklist.locator("> li[data-area=rotherham]")).to_have_count(0)
    expect(checklist).to_contain_text("emergency medical attention")
    expect(checklist.locator("> li[data-area=barnet]").first).to_be_visible()
    expect(live.locator("details.mg-area-fold li[data-area=rotherham]").first).to_be_attached()
    check_both_widths(page, "guide-barnet")

    choose_area(page, "all")
    expect(live.locator("details.mg-area-fold")).to_have_count(0)
    expect(live.locator("ul.mg-contacts > li")).to_have_count(4)


def test_the_guides_own_area_answer_wins_over_the_saved_area(served: Watched, site_url: str) -> None:
    page = at_the_area_question(served.page, site_url, chosen="rotherham")
    page.get_by_label("Waltham Forest", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    contacts = page.locator(".mg-live ul.mg-contacts").first
    expect(contacts.locator("> li")).to_have_count(1)
    expect(contacts).to_contain_text("Waltham Forest MASH")


@pytest.fixture(scope="module")
def barnet_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pages as Barnet's partnership would publish them (no engine runtime: pages only)."""
    site = tmp_path_factory.mktemp("barnet-site")
    run_mkdocs(site, built_site.parent / "generated", "barnet")
    return site


def test_a_one_area_build_shows_its_area_first_until_a_person_chooses(browser: Browser, barnet_site: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    page.goto((barnet_site / "index.html").as_uri())
    expect(page.locator(".mg-area-edition")).to_contain_text("This handbook is published for Barnet")
    page.goto((barnet_site / RATINGS).as_uri())
    assert first_area_block(page) == "barnet"
    expect(page.get_by_label("Your area", exact=True)).to_have_value("barnet")
    expect(page.locator(".mg-area-choice__status")).to_contain_text("This handbook's default.")
    assert page.evaluate("localStorage.length") == 0
    choose_area(page, "all")
    expect(page.locator("details.mg-area-fold")).to_have_count(0)
    context.close()


def test_without_javascript_the_control_is_hidden_and_every_area_is_shown(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CONSENT)
    expect(page.locator(".mg-area-choice")).to_be_hidden()
    expect(page.locator(".mg-area-rule").first).to_be_visible()
    expect(page.locator("details.mg-area-fold")).to_have_count(0)
    context.close()
