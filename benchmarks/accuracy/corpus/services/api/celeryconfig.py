broker_url = "amqp://celery:{{alnum:18}}@rabbitmq:5672/partner"  ⟪+url-credential⟫
result_backend = "redis://:{{alnum:22}}@redis:6379/3"  ⟪+url-credential⟫
task_serializer = "json"
accept_content = ["json"]
timezone = "UTC"
broker_transport_options = {"visibility_timeout": 3600, "password": None}
flower_basic_auth = ["admin:{{password:14}}"]  ⟪+password⟫
beat_schedule_filename = "/var/run/celery/beat-schedule"
