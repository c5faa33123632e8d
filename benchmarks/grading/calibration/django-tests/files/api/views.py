from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from api.forms import NoteForm
from api.models import Note


@login_required
def list_notes(request):
    notes = Note.objects.filter(owner=request.user).values("id", "body")
    return JsonResponse(list(notes), safe=False)


@login_required
@require_POST
def add_note(request):
    form = NoteForm(request.POST)
    if not form.is_valid():
        return JsonResponse(form.errors, status=400)
    note = form.save(commit=False)
    note.owner = request.user
    note.save()
    return JsonResponse({"id": note.id}, status=201)
