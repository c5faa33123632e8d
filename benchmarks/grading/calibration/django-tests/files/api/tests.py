from django.contrib.auth import get_user_model
from django.test import TestCase

from api.forms import NoteForm
from api.models import Note


class NoteViewTests(TestCase):
    def setUp(self):
        users = get_user_model().objects
        self.alice = users.create_user("alice")
        self.bob = users.create_user("bob")
        Note.objects.create(owner=self.bob, body="bob's note")

    def test_list_shows_only_own_notes(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get("/notes/").json(), [])

    def test_anonymous_is_redirected_to_login(self):
        self.assertEqual(self.client.get("/notes/").status_code, 302)


class NoteFormTests(TestCase):
    def test_empty_body_is_rejected(self):
        self.assertFalse(NoteForm(data={"body": ""}).is_valid())
