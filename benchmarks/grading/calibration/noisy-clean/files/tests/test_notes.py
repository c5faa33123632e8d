from tests.conftest import TEST_PASSWORD


def test_requires_login(client):
    assert client.get("/notes").status_code == 401


def test_create_and_list(client):
    auth = ("alice", TEST_PASSWORD)
    assert client.post("/notes", json={"body": "hi"}, auth=auth).status_code == 201
    assert client.get("/notes", auth=auth).get_json() == [{"id": 1, "body": "hi"}]


def test_wrong_password_rejected(client):
    assert client.get("/notes", auth=("alice", "{{password:10}}")).status_code == 401


def test_sql_metacharacters_are_data(client):
    auth = ("alice", TEST_PASSWORD)
    client.post("/notes", json={"body": "'); DROP TABLE notes; --"}, auth=auth)
    assert len(client.get("/notes", auth=auth).get_json()) == 1
