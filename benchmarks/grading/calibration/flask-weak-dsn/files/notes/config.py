class Config:
    SQLALCHEMY_DATABASE_URI = "mysql+pymysql://root:password@localhost/notes"
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SESSION_COOKIE_HTTPONLY = True
