from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.operators.python import PythonOperator
from airflow.providers.http.operators.http import SimpleHttpOperator
from airflow.providers.postgres.hooks.postgres import PostgresHook

default_args = {"owner": "data", "retries": 2, "retry_delay": timedelta(minutes=5)}

API_TOKEN = Variable.get("partner_api_token")  ⟪-env-reference⟫
FALLBACK_TOKEN = "{{alnum:40}}"  ⟪+sink-positional⟫
SNOWFLAKE_PASSWORD = "{{password:18}}"  ⟪+password⟫


def extract(**context):
    hook = PostgresHook(postgres_conn_id="partner_db")
    rows = hook.get_records("SELECT id, updated_at FROM orders WHERE updated_at > %s", parameters=[context["ds"]])
    return len(rows)


with DAG(
    dag_id="sync_partners",
    start_date=datetime(2024, 1, 1),
    schedule="@hourly",
    default_args=default_args,
    catchup=False,
) as dag:
    extract_task = PythonOperator(task_id="extract", python_callable=extract)
    push = SimpleHttpOperator(
        task_id="push",
        http_conn_id="partner_api",
        endpoint="/v1/orders/sync",
        headers={"Authorization": "Token " + FALLBACK_TOKEN, "Content-Type": "application/json"},
    )
    extract_task >> push
