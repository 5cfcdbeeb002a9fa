"""Workspace forms (Django forms: validation and CSRF via the template's {% csrf_token %})."""
from __future__ import annotations

from django import forms

from vigil.records import vocab

_REASON = dict(max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
               help_text="Required: why (kept in the history and the audit log)")


class ReasonForm(forms.Form):
    reason = forms.CharField(**_REASON)

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("a reason is required")
        return reason


class PublishForm(ReasonForm):
    published = forms.BooleanField(required=False, initial=True)


class DecisionForm(ReasonForm):
    decision = forms.ChoiceField(choices=vocab.LINK_DECISIONS)


class MentionStateForm(ReasonForm):
    state = forms.ChoiceField(choices=[("confirmed", "Confirm"), ("rejected", "Reject")])


class GradeForm(ReasonForm):
    grade = forms.ChoiceField(choices=vocab.GRADES)


class RevertForm(ReasonForm):
    version = forms.IntegerField(min_value=1)


class EntryForm(forms.Form):
    """A case as a researcher reads it in a report, a list or a call."""

    name = forms.CharField(max_length=200, widget=forms.TextInput(attrs={
        "autocomplete": "off", "data-candidates": "candidates.json", "id": "entry-name"}))
    status = forms.ChoiceField(choices=vocab.STATUSES)
    date = forms.RegexField(regex=r"^\d{4}(-\d{2}(-\d{2})?)?$", required=False, max_length=10,
                            help_text="YYYY-MM-DD, YYYY-MM or YYYY")
    prison = forms.CharField(max_length=120, required=False)
    city = forms.CharField(max_length=120, required=False)
    province = forms.CharField(max_length=120, required=False)
    charges = forms.MultipleChoiceField(choices=[(c, c) for c in vocab.CHARGES], required=False,
                                        widget=forms.CheckboxSelectMultiple)
    age = forms.IntegerField(min_value=0, max_value=120, required=False)
    sex = forms.ChoiceField(choices=[("", "Unknown"), *vocab.SEXES], required=False)
    source = forms.CharField(max_length=200, help_text="Who reported it (organisation or person)")
    source_kind = forms.ChoiceField(choices=vocab.SOURCE_KINDS, initial="ngo")
    note = forms.CharField(max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text="Where you read or heard it (URL, call, …)")
    same_as = forms.CharField(max_length=12, required=False, widget=forms.HiddenInput(attrs={"id": "entry-same-as"}),
                              help_text="The stable id of the person this entry is about, if already recorded")


class PersonEditForm(ReasonForm):
    name_latin = forms.CharField(max_length=200, required=False)
    name_fa = forms.CharField(max_length=200, required=False)
    father_name = forms.CharField(max_length=200, required=False)
    birth_year = forms.IntegerField(min_value=1900, max_value=2100, required=False)
    religion = forms.CharField(max_length=40, required=False)
    origin = forms.CharField(max_length=200, required=False)
    private_notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                    help_text="SENSITIVE: never published")
