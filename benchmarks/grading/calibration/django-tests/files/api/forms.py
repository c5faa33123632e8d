from django import forms

from api.models import Note


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["body"]
