import io

from etl import load


class FakeCursor:
    def __init__(self):
        self.rows = []

    def execute(self, sql, params):
        self.rows.append(params)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_rows_are_passed_as_parameters(tmp_path):
    sample = tmp_path / "trips.csv"
    sample.write_text("start,duration\n2024-01-01,12\n")
    cursor = FakeCursor()
    conn = type("Conn", (), {"cursor": lambda self: cursor, "commit": lambda self: None})()
    load.load(sample, conn)
    assert cursor.rows == [("2024-01-01", 12)]
