"""The reports on a hand-made school (tests/services/reports_school.py explains every figure),
on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from tests.services import reports_school as school
from tests.services.bellijst_school import LESSONS, add_signal, add_student
from verzuimdesk.domain.roles import Role
from verzuimdesk.errors import PermissionDenied, ValidationError
from verzuimdesk.services.context import Actor, Context
from verzuimdesk.services.reports import REPORTS, Period, Scope, run_report
from verzuimdesk.services.reports.goals import load_goals, set_goal
from verzuimdesk.store.followup import Conversation
from verzuimdesk.store.registrations import Registration
from verzuimdesk.store.reporting import DuoReport
from verzuimdesk.store.students import Student

PERIOD = Period(school.START, school.END)


def rows_by(report, key: str) -> dict:  # type: ignore[no-untyped-def]
    return {row[key]: row for row in report.main.rows}


def test_class_attendance_counts_holidays_part_time_and_enrolment(any_ctx: Context) -> None:
    school.build(any_ctx)
    report = run_report(any_ctx, "klas", PERIOD, Scope())
    rows = rows_by(report, "klas")
    assert rows["1A"]["aanwezig_pct"] == 91.1  # 4100 of 4500 minutes
    assert rows["1A"]["gepland"] == 75.0  # hours
    assert rows["1A"]["ongeoorloofd"] == round(100 / 60, 1)  # the holiday OA does not count
    assert rows["1A"]["mentor"] == "Mevr. Visser"
    assert rows["BBL1"]["aanwezig_pct"] == 93.6  # 730 of 780 minutes
    # the lowest class comes first
    assert [r["klas"] for r in report.main.rows] == ["1A", "BBL1"]


def test_year_overview_per_student_and_month(any_ctx: Context) -> None:
    ids = school.build(any_ctx)
    report = run_report(any_ctx, "leerling-jaar", Period(date(2025, 10, 1), END), Scope())
    anna = [r for r in report.main.rows if r["naam"] == "Aalders, Anna"]
    october = next(r for r in anna if r["maand"] == "oktober 2025")
    # October: 1–17 (13 lesdagen) and 27–31 (5): 18 × 300 = 5400 planned, 400 absent
    assert october["gepland"] == 5400
    assert october["ongeoorloofd"] == 100
    assert october["geoorloofd"] == 300
    assert october["aanwezig_pct"] == round(100 * 5000 / 5400, 1)
    cas = [r for r in report.main.rows if r["naam"] == "Claes, Cas"]
    assert {r["maand"] for r in cas} >= {"oktober 2025"}
    assert next(r for r in cas if r["maand"] == "oktober 2025")["aanwezig_pct"] == 100.0
    assert report.main.student_ids[0] in ids.values()
    assert all("student_id" in row for row in report.json_rows())


END = school.END


def test_week_overview_shows_the_hour_the_class_skips(any_ctx: Context) -> None:
    make = school.build(any_ctx)
    others = [add_student(any_ctx, roepnaam=f"Leerling{i}", achternaam="Klas") for i in range(2)]
    monday = date(2025, 10, 13)
    for sid in [make["anna"], *others]:
        school.lessons(any_ctx, sid, monday, "OA", range(1))  # all three skip NE at 08:30
    report = run_report(any_ctx, "klas-week", Period(monday, date(2025, 10, 17)), Scope(klas="1A"))
    patterns = report.tables[1]
    assert len(patterns.rows) == 1
    pattern = patterns.rows[0]
    assert (pattern["weekdag"], pattern["begin"], pattern["vak"]) == ("maandag", "08:30", "NE")
    assert (pattern["gemist"], pattern["van"], pattern["aandeel"]) == (3, 3, 100.0)
    # Cas is not enrolled yet that week: three students, five days each
    assert len(report.main.rows) == 15
    anna_tuesday = next(
        r
        for r in report.main.rows
        if r["naam"] == "Aalders, Anna" and r["datum"] == date(2025, 10, 14)
    )
    assert (anna_tuesday["gepland"], anna_tuesday["aanwezig"], anna_tuesday["ongeoorloofd"]) == (
        300,
        200,
        100,
    )
    assert "maandag 08:30" in " ".join(report.summary)
    json_row = next(r for r in report.json_rows() if r.get("datum") == "2025-10-14")
    assert json_row["student_id"]


def test_week_overview_needs_a_class(any_ctx: Context) -> None:
    school.build(any_ctx)
    with pytest.raises(ValidationError, match="Kies een klas"):
        run_report(any_ctx, "klas-week", PERIOD, Scope())


def _absent_weeks(ctx: Context, sid: int, start: date, end: date, skip: date | None = None) -> None:
    with ctx.db.unit_of_work() as s:
        day = start
        while day <= end:
            if day.weekday() < 5 and not date(2025, 10, 18) <= day <= date(2025, 10, 26):
                for index, (begin, finish) in enumerate(LESSONS):
                    if day == skip and index == 5:
                        continue  # this lesson has no registration: the student was there
                    s.add(
                        Registration(
                            student_id=sid,
                            date=day,
                            begin=begin,
                            end=finish,
                            minutes=50,
                            code="OA",
                            vak=school.VAKKEN[index],
                            docent=f"doc{school.VAKKEN[index]}",
                            source="import",
                        )
                    )
            day = date.fromordinal(day.toordinal() + 1)


def test_improbable_presence_is_caught_with_its_lessons(any_ctx: Context) -> None:
    school.build(any_ctx)
    dirk = add_student(any_ctx, roepnaam="Dirk", achternaam="Dekker")
    eva = add_student(any_ctx, roepnaam="Eva", achternaam="Evers")
    for sid, skip in ((dirk, None), (eva, date(2025, 9, 24))):
        _absent_weeks(any_ctx, sid, date(2025, 9, 1), date(2025, 10, 10), skip)
        # Monday 13 October: marked present in the first lesson only
        school.lessons(any_ctx, sid, date(2025, 10, 13), "A", range(1))
        school.lessons(any_ctx, sid, date(2025, 10, 13), "OA", range(1, 6))
    report = run_report(
        any_ctx, "onwaarschijnlijke-presentie", Period(date(2025, 10, 13), END), Scope()
    )
    assert [r["naam"] for r in report.main.rows] == ["Dekker, Dirk"]  # Eva attended on 24-09
    row = report.main.rows[0]
    assert row["datum"] == date(2025, 10, 13)
    assert row["afwezig_sinds"] == date(2025, 9, 15)  # 4 lesweken back
    assert row["lessen"] == "08:30 NE (A, docNE)"


def test_conversations_per_coach_with_overdue_and_missing_first_talk(any_ctx: Context) -> None:
    ids = school.build(any_ctx)
    with any_ctx.db.unit_of_work() as s:
        s.add(
            Conversation(
                student_id=ids["anna"],
                held_on=date(2025, 10, 1),
                participants="Anna, mentor",
                next_check_on=date(2025, 10, 8),
                evaluate_on=date(2025, 11, 12),
                recorded_by="mentor",
            )
        )
    add_signal(any_ctx, ids["bram"], date(2025, 9, 26))
    ctx = Context(any_ctx.db, actor=any_ctx.actor, clock=lambda: datetime(2025, 10, 20, 9))
    report = run_report(ctx, "gesprekken", Period(date(2025, 9, 1), END), Scope())
    rows = rows_by(report, "coach")
    visser = rows["Mevr. Visser"]
    assert (visser["gevoerd"], visser["open"], visser["te_laat"], visser["afgerond"]) == (
        1,
        1,
        1,
        0,
    )
    assert rows["Dhr. Bakker"]["zonder_gesprek"] == 1
    listing = report.tables[1].rows
    assert listing[0]["status"] == "open; controle te laat"


def test_teacher_and_subject_attendance(any_ctx: Context) -> None:
    school.build(any_ctx)
    docent = rows_by(run_report(any_ctx, "docent", PERIOD, Scope()), "docent")
    # docNE teaches NE every day in 1A: Anna 10 lesdagen + Cas 5 = 15 lessons of 50 minutes;
    # Anna missed NE on 14-10 (OA) and 28-10 (Z): 650 of 750 minutes
    assert docent["docNE"]["aanwezig_pct"] == round(100 * 650 / 750, 1)
    assert docent["docNE"]["gepland"] == 12.5
    assert docent["docPR"]["aanwezig_pct"] == round(100 * 250 / 300, 1)  # Bram: 2 Mondays
    vak = rows_by(run_report(any_ctx, "vak", PERIOD, Scope()), "vak")
    assert vak["GS"]["aanwezig_pct"] == round(100 * 700 / 750, 1)  # only the sick day


def test_tiers_and_goals(any_ctx: Context) -> None:
    school.build(any_ctx)
    set_goal(any_ctx, None, 95)
    set_goal(any_ctx, "1A", 90)
    assert load_goals(any_ctx).klassen == {"1A": 90.0}
    report = run_report(any_ctx, "niveaus", PERIOD, Scope())
    rows = rows_by(report, "klas")
    # Anna 86.7 % (niveau 3), Cas 100 % (niveau 1); Bram 93.6 % (niveau 2)
    assert (rows["1A"]["niveau_1"], rows["1A"]["niveau_2"], rows["1A"]["niveau_3"]) == (1, 0, 1)
    assert rows["1A"]["verschil"] == 1.1  # 91.1 against the class's own goal of 90
    assert rows["BBL1"]["niveau_2_pct"] == 100.0
    assert rows["BBL1"]["doel_pct"] == 95.0  # the school's goal
    total = report.main.rows[0]
    assert (total["klas"], total["leerlingen"], total["niveau_3_pct"]) == ("hele selectie", 3, 33.3)
    with pytest.raises(ValidationError):
        set_goal(any_ctx, "1A", 120)


def test_month_report_compares_with_the_month_before(any_ctx: Context) -> None:
    ids = school.build(any_ctx)
    school.lessons(any_ctx, ids["anna"], date(2025, 9, 10), "OA", range(6))
    add_signal(any_ctx, ids["anna"], date(2025, 10, 2))
    report = run_report(any_ctx, "maand", Period(date(2025, 10, 1), date(2025, 10, 31)), Scope())
    rows = rows_by(report, "onderdeel")
    oa = rows["Ongeoorloofd afwezig"]
    # October: Anna 100 minutes, Bram 50 (the holiday registration does not count)
    assert (oa["deze_periode"], oa["vorige_periode"]) == (2.5, 5.0)
    assert rows["Signaal: 16 uur ongeoorloofd in 4 lesweken"]["deze_periode"] == 1.0
    assert report.tables[1].rows[0]["klas"] == "1A"  # the lowest class


def test_leerplichttelling_counts_the_lines(any_ctx: Context) -> None:
    ids = school.build(any_ctx)
    with any_ctx.db.unit_of_work() as s:
        for sid, soort, status, reason in (
            (ids["anna"], "16u", "afgesloten", "terug naar school"),
            (ids["bram"], "lrv", "gemeld", None),
            (ids["cas"], "te-laat", "gemeld", None),
        ):
            s.add(
                DuoReport(
                    student_id=sid,
                    soort=soort,
                    begindatum=date(2025, 10, 1),
                    status=status,
                    closing_reason=reason,
                    source="import",
                    created_at=datetime(2025, 10, 2, 10),
                )
            )
    report = run_report(any_ctx, "leerplichttelling", PERIOD, Scope())
    counts = {r["onderdeel"].split(" (")[0]: r["leerlingen"] for r in report.main.rows}
    assert counts == {
        "relatief verzuim": 3,
        "naar school teruggeleide verzuimers": 1,
        "verplicht te melden verzuim": 2,
        "overige meldingen": 1,
        "processen-verbaal": 0,
        "thuiszitters": 1,
    }


def test_attendance_card_in_plain_words(any_ctx: Context) -> None:
    ids = school.build(any_ctx)
    with any_ctx.db.unit_of_work() as s:
        number = s.get(Student, ids["anna"]).leerlingnummer
    report = run_report(any_ctx, "kaart", PERIOD, Scope(student=number))
    text = " ".join(report.summary)
    # 13–31 Oct: 2600 of 3000; the 19 days before (24 Sep – 12 Oct) nothing missed: 100 %
    assert "Anna was in deze periode bij 86,7% van de lessen." in text
    assert "In de periode daarvoor was dat 100,0%: minder goed." in text
    assert "Zonder geldige reden gemist in deze periode: 1 uur en 40 minuten." in text
    assert report.chart is not None and report.chart.categories
    with pytest.raises(ValidationError, match="leerling"):
        run_report(any_ctx, "kaart", PERIOD, Scope())


def test_a_mentor_sees_only_their_own_classes(any_ctx: Context) -> None:
    school.build(any_ctx)
    mentor = Context(
        any_ctx.db,
        actor=Actor("mentor", Role.MENTOR, klassen=frozenset({"BBL1"})),
        clock=any_ctx.clock,
    )
    with pytest.raises(PermissionDenied):
        run_report(mentor, "klas-week", PERIOD, Scope(klas="1A"))
    report = run_report(mentor, "klas", PERIOD, Scope())
    assert [r["klas"] for r in report.main.rows] == ["BBL1"]
    receptie = Context(any_ctx.db, actor=Actor("r", Role.RECEPTIE), clock=any_ctx.clock)
    with pytest.raises(PermissionDenied):
        run_report(receptie, "klas", PERIOD, Scope())
    with pytest.raises(PermissionDenied):
        set_goal(mentor, "BBL1", 95)


def test_every_report_runs_and_prints_json(any_ctx: Context) -> None:
    ids = school.build(any_ctx)
    with any_ctx.db.unit_of_work() as s:
        number = s.get(Student, ids["anna"]).leerlingnummer
    for spec in REPORTS:
        scope = Scope(klas="1A") if spec.needs == "klas" else Scope()
        if spec.needs == "student":
            scope = Scope(student=number)
        report = run_report(any_ctx, spec.name, PERIOD, scope)
        json.dumps(report.json_rows())
        assert report.summary, spec.name
