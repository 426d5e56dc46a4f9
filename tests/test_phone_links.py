"""Telephone numbers from the contacts register are links a phone can dial, in international form, with
the number shown as the source writes it; nothing else is ever made into a number to dial."""

from __future__ import annotations

from decision_engine.phones import link_numbers, numbers_in_register, tel_href
from decision_engine.render_html import contact_detail
from scripts.content import contacts_table
from tests.conftest import ROOT


def test_a_uk_number_dials_in_international_form() -> None:
    assert tel_href("020 8496 2310") == "tel:+442084962310"
    assert tel_href("01632 960123") == "tel:+441632960123"  # a number kept for drama, not a contact


def test_only_the_registers_phone_fields_give_numbers() -> None:
    entry = {
        "phone": "020 8496 2310 (Monday to Thursday 9am to 5:15pm)",
        "out_of_hours": "020 8496 3000",
        "other": "Case 0123 4567 890 is not a number to dial",
    }
    assert numbers_in_register(entry) == ("020 8496 2310", "020 8496 3000")


def test_a_guide_contact_links_its_own_numbers_and_nothing_else() -> None:
    detail = "020 8496 2310 (9am to 5pm); out of hours 020 8496 3000; ref 020 8496 23101 <b>"
    shown = contact_detail(detail, ("020 8496 2310", "020 8496 3000"))
    assert shown.count('<a class="mg-tel"') == 2
    assert '<a class="mg-tel" href="tel:+442084962310">020 8496 2310</a> (9am to 5pm)' in shown
    assert "ref 020 8496 23101 &lt;b&gt;" in shown  # a longer run of digits is not the number
    assert link_numbers("call 999", ["999"], lambda s, h: "LINK") == "call 999"  # not a UK number: left as text


def test_the_handbooks_contacts_table_links_the_real_numbers() -> None:
    table = contacts_table(ROOT / "data")
    assert "[020 8496 2310](tel:+442084962310) (Monday to Thursday" in table
    assert "out of hours [020 8496 3000](tel:+442084963000)" in table
    assert table.count("](tel:") == 2  # the other areas' sources give no number
