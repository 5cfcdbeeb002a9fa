"""Workspace views: thin — parse the form, call an action, render or redirect.

Roles: viewer reads everything (sensitive fields hidden); researcher enters, edits and
reverts; reviewer publishes, decides merges and splits, confirms mentions and grades.
"""
from __future__ import annotations

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from vigil.records import actions
from vigil.records.models import AuditEvent, Mention, Person, StatusEvent
from vigil.review.models import ReviewPair
from vigil.workspace import forms, history as hist
from vigil.workspace.access import actor, role_required, roles_of
from vigil.workspace.candidates import candidates

LIST_LIMIT = 100


def _render(request, template: str, **context):
    context.setdefault("roles", roles_of(request.user))
    return render(request, f"workspace/{template}", context)


def _person(public_id: str) -> Person:
    return get_object_or_404(Person, public_id=public_id)


@role_required("viewer")
def home(request):
    return _render(request, "home.html", counts={
        "unpublished": Person.objects.filter(published=False, merged_into=None).count(),
        "pairs": ReviewPair.objects.filter(open=True).count(),
        "pending": Mention.objects.filter(state="pending", kind="case").count(),
        "disputed": StatusEvent.objects.filter(grade="disputed").count()},
        recent=AuditEvent.objects.order_by("-at", "-pk")[:20])


@role_required("viewer")
def unpublished(request):
    persons = Person.objects.filter(published=False, merged_into=None).order_by("-created_at", "pk")
    return _render(request, "unpublished.html", persons=persons[:LIST_LIMIT], total=persons.count(),
                   form=forms.PublishForm())


@role_required("viewer")
def person(request, public_id: str):
    obj = _person(public_id)
    mentions = obj.mentions.select_related("source", "document").order_by("pk")
    cases = obj.cases.prefetch_related("events__mentions")
    return _render(request, "person.html", person=obj, mentions=mentions, cases=cases,
                   publish_form=forms.PublishForm(initial={"published": not obj.published}))


@role_required("researcher")
def person_edit(request, public_id: str):
    obj = _person(public_id)
    fields = [f for f in actions.entry.EDITABLE_PERSON_FIELDS if f in forms.PersonEditForm.base_fields]
    form = forms.PersonEditForm(request.POST or None, initial={f: getattr(obj, f) for f in fields})
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in fields}
        actions.edit_person(obj, actor(request), reason=form.cleaned_data["reason"], **data)
        messages.success(request, "Saved.")
        return redirect("workspace:person", public_id=obj.public_id)
    return _render(request, "person_edit.html", person=obj, form=form)


@require_POST
@role_required("reviewer")
def person_publish(request, public_id: str):
    obj = _person(public_id)
    form = forms.PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Publishing needs a reason.")
        return redirect("workspace:person", public_id=obj.public_id)
    actions.publish_person(obj, actor(request), reason=form.cleaned_data["reason"],
                           published=form.cleaned_data["published"])
    messages.success(request, f"{obj} is now {'public' if obj.published else 'private'}.")
    return redirect(request.POST.get("next") or reverse("workspace:person", args=[obj.public_id]))


@role_required("researcher")
def entry(request):
    form = forms.EntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        same_as = Person.objects.filter(public_id=data["same_as"]).first() if data["same_as"] else None
        if data["same_as"] and same_as is None:
            form.add_error("same_as", "no person with that id")
        else:
            person = _enter(request, data, same_as)
            messages.success(request, f"Entered; linked to {person} ({person.public_id}).")
            return redirect("workspace:person", public_id=person.public_id)
    return _render(request, "entry.html", form=form)


def _enter(request, data: dict, same_as: Person | None) -> Person:
    who = actor(request)
    source = actions.ensure_source(data["source"], who, kind=data["source_kind"])
    fields = {k: data.get(k) for k in actions.entry.ENTRY_FIELDS}
    mention = actions.enter_case(fields, source=source, actor=who, note=data.get("note") or "")
    return actions.link_entry(mention, who, person=same_as,
                              reason="researcher chose this person among the candidates while entering")


@role_required("researcher")
def entry_candidates(request):
    name = request.GET.get("name", "").strip()
    return JsonResponse({"name": name, "candidates": candidates(name) if len(name) >= 2 else []},
                        json_dumps_params={"ensure_ascii": False})


@role_required("viewer")
def review(request):
    pairs = ReviewPair.objects.filter(open=True).select_related(
        "mention_a__source", "mention_b__source", "mention_a__person", "mention_b__person")[:LIST_LIMIT]
    pending = Mention.objects.filter(state="pending", kind="case").select_related("source", "document")[:LIST_LIMIT]
    disputed = StatusEvent.objects.filter(grade="disputed").select_related("case__person")[:LIST_LIMIT]
    return _render(request, "review.html", pairs=pairs, pending=pending, disputed=disputed,
                   decision_form=forms.DecisionForm(), state_form=forms.MentionStateForm(),
                   grade_form=forms.GradeForm())


@require_POST
@role_required("reviewer")
def pair_decide(request, pk: int):
    from vigil.review.decisions import decide

    pair = get_object_or_404(ReviewPair, pk=pk)
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        decide(pair.mention_a, pair.mention_b, form.cleaned_data["decision"], actor(request),
               reason=form.cleaned_data["reason"])
        messages.success(request, "Decision recorded; it applies at the next linkage run.")
    else:
        messages.error(request, "A merge or split needs a decision and a reason.")
    return redirect("workspace:review")


@require_POST
@role_required("reviewer")
def mention_state(request, public_id: str):
    mention = get_object_or_404(Mention, public_id=public_id)
    form = forms.MentionStateForm(request.POST)
    if form.is_valid():
        actions.set_mention_state(mention, form.cleaned_data["state"], actor(request),
                                  reason=form.cleaned_data["reason"])
        messages.success(request, f"Mention {mention.public_id} {form.cleaned_data['state']}.")
    else:
        messages.error(request, "Confirming or rejecting needs a reason.")
    return redirect("workspace:review")


@require_POST
@role_required("reviewer")
def event_grade(request, pk: int):
    event = get_object_or_404(StatusEvent, pk=pk)
    form = forms.GradeForm(request.POST)
    if form.is_valid():
        actions.set_grade(event, form.cleaned_data["grade"], actor(request), reason=form.cleaned_data["reason"])
        messages.success(request, "Grade recorded.")
    else:
        messages.error(request, "Grading needs a grade and a reason.")
    return redirect("workspace:review")


@role_required("viewer")
def history(request, model: str, ref: str):
    obj = hist.lookup(model, ref)
    show_sensitive = roles_of(request.user)["researcher"]
    return _render(request, "history.html", obj=obj, model=model, ref=ref,
                   versions=hist.versions(obj, show_sensitive), audit=hist.audit_events(obj),
                   form=forms.RevertForm())


@require_POST
@role_required("researcher")
def revert(request, model: str, ref: str):
    obj = hist.lookup(model, ref)
    form = forms.RevertForm(request.POST)
    if not form.is_valid():
        messages.error(request, "A revert needs a version and a reason.")
    else:
        version = get_object_or_404(obj.history.model, history_id=form.cleaned_data["version"], id=obj.pk)
        actions.revert_to(version, actor(request), reason=form.cleaned_data["reason"])
        messages.success(request, f"Reverted to version {version.history_id}.")
    return redirect("workspace:history", model=model, ref=ref)
