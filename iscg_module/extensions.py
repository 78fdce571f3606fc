"""The Flask extensions, created unbound and initialised by the application factory."""

from typing import TYPE_CHECKING

from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from iscg_module.database.model_base import Base

db = SQLAlchemy(model_class=Base)
# Models derive from ``Model``: Flask-SQLAlchemy's ``db.Model`` at run time, which binds them
# to the application's session; for the type checker the declarative base it is made from,
# since a class created at run time cannot be a base class it follows.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
