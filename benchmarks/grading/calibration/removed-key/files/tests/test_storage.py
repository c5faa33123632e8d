from notes import storage


def test_add_and_get():
    note_id = storage.add("u1", "hello")
    assert storage.get("u1", note_id) == "hello"
    assert storage.get("u2", note_id) is None
