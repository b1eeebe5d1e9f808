"""The staff's commands (/cases, /close, /stats, /export), channel-free: who may use them, what
they get, and where it goes. Staff data stays with staff: it is shown in an admin's private chat
or the staff group; asked for anywhere else, it goes to the admin privately."""

from __future__ import annotations

import datetime as dt

from bot import export, stats
from bot.handoff import Handoff, Outbound
from bot.i18n import gettext
from bot.people import Address, Sender
from bot.texts import texts_for
from conversations.markup import escape
from conversations.reply import Reply
from knowledge.schema import Lang

STAFF_COMMANDS = ("export", "stats", "cases", "close")


def note(to: Address, text: str) -> Outbound:
    return Outbound(to, Reply(escape(text)))


class StaffDesk:
    def __init__(self, handoff: Handoff) -> None:
        self.handoff = handoff
        self.storage = handoff.storage

    def command(
        self, sender: Sender, lang: Lang, name: str, argument: str, where: Address, replied_to: int | None
    ) -> list[Outbound]:
        """A staff command; anyone not in BOT_ADMIN_IDS gets a polite refusal and nothing else."""
        staff = self.handoff.staff_member(sender)
        if staff is None or not self.handoff.is_staff(staff.user_id):
            return [note(where, gettext(lang, "staff.only_admins"))]
        if name == "cases":
            return self._private(sender, where, lang, self.handoff.open_cases_text(dt.datetime.now(dt.UTC)))
        if name == "stats":
            text = escape(stats.render(stats.compute(self.storage), texts_for(lang)))
            return self._private(sender, where, lang, text)
        if name == "close":
            return self.close(where, replied_to)
        return self.export(sender, lang, argument, where)

    def _private(self, sender: Sender, where: Address, lang: Lang, text: str) -> list[Outbound]:
        """Shown here when here is the admin's private chat or the staff group; otherwise sent to
        the admin privately, and the chat only hears that it was (or how to make it possible)."""
        if where in (sender.address, self.handoff.staff_chat):
            return [Outbound(where, Reply(text))]
        return [
            Outbound(
                sender.address,
                Reply(text),
                if_undelivered=note(where, gettext(lang, "staff.open_private_first")),
                if_delivered=note(where, gettext(lang, "staff.sent_private")),
            )
        ]

    def close(self, where: Address, replied_to: int | None) -> list[Outbound]:
        """/close, as a reply to a case message in the staff group: close that case."""
        case_id = self.handoff.case_of_message(where, replied_to) if replied_to is not None else None
        if case_id is None:
            return [note(where, gettext("zh", "staff.close_how"))]
        return self.handoff.close(case_id)

    def export(self, sender: Sender, lang: Lang, argument: str, where: Address) -> list[Outbound]:
        """/export [xlsx|csv] [since] [until]: the leads as a file, in the admin's private chat."""
        args = argument.split()
        fmt = args.pop(0).lower() if args and args[0].lower() in ("xlsx", "csv") else "xlsx"
        try:
            since = export.parse_day(args[0] if args else None, "since")
            until = export.parse_day(args[1] if len(args) > 1 else None, "until")
            data, count = export.export_leads(self.storage, self.handoff.checks.sheet, fmt, since, until)
        except export.ExportError:
            return [note(where, gettext(lang, "staff.export_usage"))]
        name = f"leads-{dt.date.today().isoformat()}.{fmt}"
        caption = Reply(escape(gettext(lang, "staff.export_sent", count=count)))
        out = [Outbound(sender.address, caption, file=(name, data))]
        if where != sender.address:
            out.append(note(where, gettext(lang, "staff.export_private")))
        return out
