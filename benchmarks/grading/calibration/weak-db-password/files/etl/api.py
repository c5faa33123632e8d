from fastapi import FastAPI

from etl.load import connect

app = FastAPI()


@app.get("/summary")
def summary():
    with connect() as conn:
        count, avg = conn.execute("SELECT count(*), avg(duration) FROM trips").fetchone()
    return {"trips": count, "average_duration": avg}
