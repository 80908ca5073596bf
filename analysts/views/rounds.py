"""Rounds pages: create, window, open/close/publish, the questionnaire editor and its preview.

Thin views: they parse the form, call `analysts.services`, and turn a refused rule
(a `ValidationError`) into a message on the page.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from analysts.access import analyst_required
from analysts.forms.rounds import (
    PreviewBlockForm,
    PublishForm,
    RetireForm,
    RoundCreateForm,
    StatementAddForm,
    StatementForm,
    WindowForm,
)
from analysts.models import AuditEntry
from analysts.services import questionnaires as qs
from analysts.services import rounds as rs
from analysts.services.audit import audit_label
from surveys.models import (
    BuildingBlock,
    Lineage,
    Response,
    Round,
    Statement,
)
from surveys.selectors import round_content
from surveys.services.sections import sections_for
from surveys.services.sections.blocks import BlockSection
from surveys.views.pages_registry import form_class


def _round(year: int) -> Round:
    return get_object_or_404(Round.objects.select_related("questionnaire"), year=year)


def _refused(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _to_editor(round: Round, anchor: str = "", *, saved: Statement | None = None) -> HttpResponse:
    """Back to the editor at `anchor`; a `saved` statement is marked there, where the page opens (the
    message at the top of the page is out of sight then)."""
    query = f"?opgeslagen={saved.pk}" if saved is not None else ""
    fragment = f"#{anchor}" if anchor else ""
    return redirect(reverse("analysts:questionnaire_edit", args=[round.year]) + query + fragment)


def _a_year_later(day: datetime.date) -> datetime.date:
    # 29 February has no twin next year; the day before will do as a suggestion.
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


@analyst_required
def round_create(request: HttpRequest) -> HttpResponse:
    latest = Round.objects.order_by("-year").first()
    if latest is None:
        messages.info(request, _("Er is nog geen ronde om van te kopiëren: laad eerst een vragenlijst."))
        return redirect("analysts:home")
    form = RoundCreateForm(
        request.POST or None,
        initial={
            "source": latest,
            "year": latest.year + 1,
            "title": f"JuMP-scan {latest.year + 1}",
            "opens_on": _a_year_later(latest.opens_on),
            "closes_on": _a_year_later(latest.closes_on),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            round = rs.round_create_next(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Ronde %(year)s is aangemaakt als kopie van %(source)s.")
                % {"year": round.year, "source": form.cleaned_data["source"].year},
            )
            return _to_editor(round)
    return render(request, "analysts/rounds/create.html", {"form": form})


@analyst_required
def round_detail(request: HttpRequest, year: int) -> HttpResponse:
    round = _round(year)
    questionnaire = round.questionnaire
    responses = Response.objects.filter(round=round)
    counts = responses.aggregate(total=Count("pk"), submitted=Count("pk", filter=Q(status=Response.Status.SUBMITTED)))
    audit = AuditEntry.objects.filter(
        Q(object_type="surveys.round", object_id=str(round.pk))
        | Q(object_type="surveys.questionnaireversion", object_id=str(questionnaire.pk))
    ).select_related("actor")[:15]
    for entry in audit:
        entry.label = audit_label(entry.action)
    context = {
        "round": round,
        "problems": qs.questionnaire_problems(questionnaire=questionnaire),
        "lock_reason": qs.questionnaire_lock_reason(questionnaire=questionnaire),
        "statement_count": questionnaire.statements.count(),
        "counts": counts,
        "submitted": responses.filter(status=Response.Status.SUBMITTED).select_related("institution", "submitted_by"),
        "can_open": rs.round_can_move(round=round, to=Round.Status.OPEN),
        "opens_later": round.opens_on > timezone.localdate(),
        "can_close": rs.round_can_move(round=round, to=Round.Status.CLOSED),
        "can_publish": rs.round_can_move(round=round, to=Round.Status.PUBLISHED),
        "audit": audit,
        "statuses": Round.Status.choices,
    }
    return render(request, "analysts/rounds/detail.html", context)


@analyst_required
def round_window(request: HttpRequest, year: int) -> HttpResponse:
    round = _round(year)
    form = WindowForm(request.POST or None, initial={"opens_on": round.opens_on, "closes_on": round.closes_on})
    if request.method == "POST" and form.is_valid():
        try:
            rs.round_set_window(round=round, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het venster is opgeslagen."))
            return redirect("analysts:round_detail", year=round.year)
    return render(request, "analysts/rounds/window.html", {"round": round, "form": form})


@analyst_required
@require_POST
def round_open(request: HttpRequest, year: int) -> HttpResponse:
    round = _round(year)
    was_closed = round.status == Round.Status.CLOSED
    try:
        rs.round_open(round=round, user=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request, _("De ronde is weer open.") if was_closed else _("De ronde is open voor de instellingen.")
        )
    return redirect("analysts:round_detail", year=round.year)


@analyst_required
@require_POST
def round_close(request: HttpRequest, year: int) -> HttpResponse:
    round = _round(year)
    try:
        rs.round_close(round=round, user=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("De ronde is gesloten: instellingen kunnen niets meer wijzigen."))
    return redirect("analysts:round_detail", year=round.year)


@analyst_required
def round_publish(request: HttpRequest, year: int) -> HttpResponse:
    round = _round(year)
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rs.round_publish(round=round, user=request.user)
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("De ronde is gepubliceerd en de landelijke cijfers zijn vastgelegd."))
            return redirect("analysts:round_detail", year=round.year)
    counts = Response.objects.filter(round=round).aggregate(
        submitted=Count("pk", filter=Q(status=Response.Status.SUBMITTED)),
        drafts=Count("pk", filter=Q(status=Response.Status.DRAFT)),
    )
    context = {
        "round": round,
        "form": form,
        "counts": counts,
        "can_publish": rs.round_can_move(round=round, to=Round.Status.PUBLISHED),
        "snapshots": rs.round_snapshots(round=round),
    }
    return render(request, "analysts/rounds/publish.html", context)


@analyst_required
@require_POST
def response_reopen(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    round = _round(year)
    response = get_object_or_404(Response.objects.select_related("institution"), round=round, pk=pk)
    try:
        rs.response_reopen(response=response, user=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request, _("De respons van %(institution)s is heropend.") % {"institution": response.institution.name}
        )
    return redirect("analysts:round_detail", year=round.year)


# --- the questionnaire editor -------------------------------------------------------------------


def _blocks(round: Round):
    return round.questionnaire.blocks.order_by("position").prefetch_related(
        Prefetch("statements", queryset=Statement.objects.select_related("previous").order_by("position"))
    )


@analyst_required
def questionnaire_edit(request: HttpRequest, year: int) -> HttpResponse:
    round = _round(year)
    questionnaire = round.questionnaire
    context = {
        "round": round,
        "blocks": _blocks(round),
        "dropped": questionnaire.dropped_statements.select_related("statement__block").order_by("statement__code"),
        "problems": qs.questionnaire_problems(questionnaire=questionnaire),
        "lock_reason": qs.questionnaire_lock_reason(questionnaire=questionnaire),
        # The statement just saved (a number only; anything else marks nothing).
        "saved_pk": int(saved) if (saved := request.GET.get("opgeslagen", "")).isdigit() else None,
    }
    return render(request, "analysts/rounds/questionnaire.html", context)


def _content(form: StatementForm) -> qs.StatementContent:
    return qs.StatementContent(**{name: form.cleaned_data[name] for name in qs.CONTENT_FIELDS + qs.TRANSLATION_FIELDS})


def _statement(round: Round, pk: int) -> Statement:
    return get_object_or_404(
        Statement.objects.select_related("block", "previous", "questionnaire"), questionnaire=round.questionnaire, pk=pk
    )


@analyst_required
def statement_edit(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    round = _round(year)
    statement = _statement(round, pk)
    # "Ongewijzigd" is the form's empty choice.
    lineage = "" if statement.lineage == Lineage.SAME else statement.lineage
    initial = {**qs.StatementContent.of(statement).as_dict(), "lineage": lineage}
    form = StatementForm(request.POST or None, initial=initial, has_predecessor=statement.previous_id is not None)
    if request.method == "POST" and form.is_valid():
        try:
            qs.statement_update(
                statement=statement,
                content=_content(form),
                lineage=form.cleaned_data.get("lineage") or None,
                user=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Stelling %(code)s is opgeslagen.") % {"code": statement.code})
            return _to_editor(round, f"stelling-{statement.pk}", saved=statement)
    context = {
        "round": round,
        "statement": statement,
        "form": form,
        "lock_reason": qs.questionnaire_lock_reason(questionnaire=round.questionnaire),
    }
    return render(request, "analysts/rounds/statement_form.html", context)


def _add_errors(form: StatementForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@analyst_required
def statement_add(request: HttpRequest, year: int, block_pk: int) -> HttpResponse:
    round = _round(year)
    block = get_object_or_404(BuildingBlock, questionnaire=round.questionnaire, pk=block_pk)
    form = StatementAddForm(request.POST or None, initial={"code": qs.statement_suggest_code(block=block)})
    if request.method == "POST" and form.is_valid():
        try:
            statement = qs.statement_add(
                block=block, code=form.cleaned_data["code"], content=_content(form), user=request.user
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Stelling %(code)s is toegevoegd.") % {"code": statement.code})
            return _to_editor(round, f"stelling-{statement.pk}", saved=statement)
    context = {
        "round": round,
        "block": block,
        "form": form,
        "lock_reason": qs.questionnaire_lock_reason(questionnaire=round.questionnaire),
    }
    return render(request, "analysts/rounds/statement_form.html", context)


@analyst_required
def statement_retire(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    round = _round(year)
    statement = _statement(round, pk)
    form = RetireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            qs.statement_retire(statement=statement, reason=form.cleaned_data["reason"], user=request.user)
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Stelling %(code)s is vervallen.") % {"code": statement.code})
        return _to_editor(round, f"blok-{statement.block.code}")
    return render(
        request, "analysts/rounds/statement_retire.html", {"round": round, "statement": statement, "form": form}
    )


@analyst_required
@require_POST
def statement_restore(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    round = _round(year)
    dropped = get_object_or_404(round.questionnaire.dropped_statements.select_related("statement__block"), pk=pk)
    try:
        statement = qs.statement_restore(dropped=dropped, user=request.user)
    except ValidationError as error:
        _refused(request, error)
        return _to_editor(round)
    messages.success(request, _("Stelling %(code)s is teruggezet.") % {"code": statement.code})
    return _to_editor(round, f"stelling-{statement.pk}")


@analyst_required
@require_POST
def statement_move(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    round = _round(year)
    statement = _statement(round, pk)
    try:
        qs.statement_move(statement=statement, direction=request.POST.get("direction", ""), user=request.user)
    except ValidationError as error:
        _refused(request, error)
    return _to_editor(round, f"stelling-{statement.pk}")


@analyst_required
def round_preview(request: HttpRequest, year: int) -> HttpResponse:
    """The questionnaire as a respondent reads it, read-only, in Dutch or English.

    The pages other than the blocks are the respondents' own forms (surveys/forms/pages.py),
    unbound and disabled, so the preview asks exactly what the scan asks.
    """
    round = _round(year)
    language = "en" if request.GET.get("taal") == "en" else "nl"
    with translation.override(language):
        # Only the content follows the chosen language; the workspace around it stays as it is.
        blank = Response(round=round, version=1)
        pages = []
        for section in sections_for(round_content(round)):
            if isinstance(section, BlockSection):
                block = section.block
                form = PreviewBlockForm(statements=list(section.statements), prefix=f"b{block.pk}")
                page = {"anchor": f"voorbeeld-{block.code}", "block": block}
            else:
                form = form_class(section)(section=section, stored={}, response=blank, prefix=f"p-{section.key}")
                page = {"anchor": f"voorbeeld-{section.key}", "block": None}
            pages.append({**page, "name": section.title, "form": form})  # a block's title is its name
    context = {
        "round": round,
        "pages": pages,
        "block_count": sum(page["block"] is not None for page in pages),
        "preview_language": language,
    }
    return render(request, "analysts/rounds/preview.html", context)
