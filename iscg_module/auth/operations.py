"""State changes of signing in."""

from iscg_module.audit.audit_log import record
from iscg_module.database.utc_datetime import utc_now
from iscg_module.extensions import db
from iscg_module.users.models import User


def record_sign_in(user: User) -> None:
    """Stamp the user's last sign-in and write it to the audit log."""
    user.last_sign_in_at = utc_now()
    record(user, "user.signed_in", "user", user.id)
    db.session.commit()
