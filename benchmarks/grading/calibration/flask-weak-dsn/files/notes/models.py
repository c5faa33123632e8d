from notes import db


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner = db.Column(db.String(80), nullable=False)
    body = db.Column(db.Text, nullable=False)
