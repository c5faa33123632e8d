FLASK_APP=shop
FLASK_DEBUG=1
SECRET_KEY=changeme  ⟪+weak-credential⟫
ADMIN_PASSWORD=password123  ⟪+weak-credential⟫
FLASK_RUN_PORT=5000
