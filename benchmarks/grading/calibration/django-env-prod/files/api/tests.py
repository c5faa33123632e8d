from django.contrib.auth import get_user_model
from rest_framework.test import APITestCase


class NoteOwnershipTests(APITestCase):
    def setUp(self):
        users = get_user_model().objects
        self.alice = users.create_user("alice")
        self.bob = users.create_user("bob")

    def test_user_sees_only_own_notes(self):
        self.client.force_authenticate(self.alice)
        self.client.post("/api/notes/", {"body": "mine"})
        self.client.force_authenticate(self.bob)
        self.assertEqual(self.client.get("/api/notes/").json(), [])
