"""Handoff to the bureau's staff: cases, the staff group's thread, relaying both ways, ratings.

Transport-free: it decides what goes to which address as `Outbound` items; the channel sends
them and records which sent message belongs to which case (`case_id`), so a staff member's reply
to any message of the thread reaches the right user. The staff group is a Telegram chat: the
message ids of its thread (`reply_to`, `copy_of`) are that channel's data, carried as they are.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from bot import screens
from bot.checks import CHECK, Checks
from bot.people import TELEGRAM, WEB, Address, Sender, StaffGroup, StaffMember, telegram
from bot.storage import Storage
from bot.texts import texts_for
from conversations.actions import HOME, Rate, StaffCase, decode
from conversations.eligibility import Outcome
from conversations.markup import bold, escape
from conversations.reply import Button, Keyboard, Reply
from knowledge.loader import KnowledgeBase
from knowledge.schema import Lang


@dataclass(frozen=True)
class Outbound:
    """One message for one address; the channel that owns the address sends it."""

    to: Address
    reply: Reply
    reply_to: int | None = None  # the channel's id of the message this one answers
    case_id: int | None = None  # the sent message joins this case's thread
    copy_of: tuple[Address, int] | None = None  # a chat and the channel's message id there, to copy
    # sent instead when the recipient cannot be reached (e.g. the user blocked the bot)
    if_undelivered: Outbound | None = None
    if_delivered: Outbound | None = None  # and this once it has gone out
    outbox_id: int | None = None  # stored before sending: its state says whether it went out
    by_staff: bool = False  # a staff member's own words relayed to the user
    # someone's own words (plain text), shown after the reply's text: a channel with a length
    # limit splits them over as many messages as it needs
    quoted: str | None = None
    # a file to send, as httpx takes one: its name and its bytes; the reply's text is its caption
    file: tuple[str, bytes] | None = None
    # a short notice for whoever tapped, shown by the button (an alert), not sent as a message
    notice: bool = False

    def markup(self) -> str:
        """The whole text as markup, for a channel without a length limit."""
        if self.quoted is None:
            return self.reply.text
        return f"{self.reply.text}\n{escape(self.quoted)}"


def keyboard_json(buttons: Keyboard) -> str:
    return json.dumps([[[b.label, b.data] for b in row] for row in buttons], ensure_ascii=False)


def keyboard_from_json(text: str | None) -> Keyboard:
    return tuple(
        tuple(Button(label, decode(data)) for label, data in row) for row in json.loads(text or "[]")
    )


class Handoff:
    def __init__(
        self,
        kb: KnowledgeBase,
        storage: Storage,
        checks: Checks,
        staff_group: StaffGroup,
    ) -> None:
        self.kb = kb
        self.storage = storage
        self.checks = checks
        self.staff_group = staff_group

    @property
    def staff_chat_id(self) -> int | None:
        return self.staff_group.chat_id

    @property
    def staff_chat(self) -> Address | None:
        return self.staff_group.chat

    def is_staff(self, user_id: int) -> bool:
        """Staff powers (relay, claim, close, staff commands) belong to BOT_ADMIN_IDS only."""
        return self.staff_group.has_member(user_id)

    def staff_member(self, sender: Sender) -> StaffMember | None:
        """The sender as staff acts (BOT_ADMIN_IDS are Telegram users); None for anyone elsewhere."""
        if sender.address.channel != TELEGRAM or not sender.address.id.lstrip("-").isdigit():
            return None
        user_id = int(sender.address.id)
        return StaffMember(user_id, sender.first_name or str(user_id))

    def _staff_note(self, msgid: str, reply_to: int | None = None, **values: object) -> Outbound:
        assert self.staff_chat is not None
        text = escape(texts_for("zh").t(msgid, **values))
        return Outbound(self.staff_chat, Reply(text), reply_to=reply_to)

    def _lang(self, user_id: str) -> Lang:
        user = self.storage.user(user_id)
        return "en" if user and user.get("lang") == "en" else "zh"

    # the user asks for a person ---------------------------------------------------------------
    def request(self, sender: Sender, lang: Lang) -> list[Outbound]:
        tx = texts_for(lang)
        contacts = screens.contacts_lines(self.kb, tx)
        if self.staff_chat_id is None:
            text = f"{escape(tx.t('handoff.no_staff'))}\n{contacts}"
            return [Outbound(sender.address, Reply(text, ((Button(tx.t("button.menu"), HOME),),)))]
        existing = self.storage.open_case_of(sender.user_id)
        if existing:
            text = escape(tx.t("handoff.already_open", case=existing["id"]))
            return [Outbound(sender.address, Reply(text))]
        staff_chat_id = self.staff_chat_id

        def header(case_id: int) -> tuple[int, str, str]:
            reply = self._staff_header(case_id, sender, lang)
            return staff_chat_id, reply.text, keyboard_json(reply.buttons)

        # the header goes into the outbox with the case: a crash or a lost connection can neither
        # leave the case without its thread nor post the header twice
        case_id = self.storage.open_case(sender.user_id, lang, header)
        opened = "\n".join(
            [escape(tx.t("handoff.opened", case=case_id)), contacts, escape(tx.t("handoff.how_to_leave"))]
        )
        return [self.outbox_item(case_id), Outbound(sender.address, Reply(opened))]

    def outbox_item(self, case_id: int) -> Outbound:
        """The case's stored header, ready to send."""
        item = self.storage.outbox_of_case(case_id)
        assert item is not None
        reply = Reply(item["text"], keyboard_from_json(item["buttons"]))
        return Outbound(telegram(item["chat_id"]), reply, case_id=case_id, outbox_id=item["id"])

    def header_unconfirmed(self, case_id: int) -> Outbound:
        """Sent in place of a header whose delivery was never confirmed (it may be there, or not):
        a message of the thread that staff can reply to, never a second header."""
        assert self.staff_chat is not None
        text = escape(texts_for("zh").t("staff.header_unconfirmed", case=case_id))
        return Outbound(self.staff_chat, Reply(text), case_id=case_id)

    def _staff_header(self, case_id: int, sender: Sender, lang: Lang, status: str = "") -> Reply:
        """The case as staff see it: who, their last questions, their check (Chinese: staff UI)."""
        tx = texts_for("zh")
        who = (sender.first_name or "—") + (f" (@{sender.username})" if sender.username else "")
        lines = [
            f"<b>{escape(tx.t('staff.case_title', case=case_id))}</b>{escape(status)}",
            escape(tx.t("staff.case_who", who=who, language=lang, user_id=sender.address.id)),
        ]
        if sender.address.channel == WEB:
            lines.append(escape(tx.t("staff.case_via_web")))
        questions = self.storage.last_questions(sender.user_id)
        if questions:
            lines.append(escape(tx.t("staff.case_questions")))
            lines += [f"• {escape(q[:200])}" for q in questions]
        lines += self._check_lines(sender.user_id)
        buttons = (
            (
                Button(tx.t("staff.claim"), StaffCase("claim", case_id)),
                Button(tx.t("staff.close"), StaffCase("close", case_id)),
            ),
        )
        return Reply("\n".join(lines), buttons)

    def _check_lines(self, user_id: str) -> list[str]:
        session = self.checks.load(user_id, CHECK)
        if session is None or not session.answers:
            return []
        tx = texts_for("zh")
        engine = self.checks.engines[CHECK]
        lines = [escape(tx.t("staff.case_check"))]
        for step in engine.applicable_steps(session):
            if step.id in session.answers:
                shown = engine.display(step, session.answers[step.id], tx)
                lines.append(f"• {escape(step.label.zh)}：{escape(shown)}")
        if session.finished:
            assessment = self.checks.assess(session)
            verdict = tx.t(f"result.{assessment.outcome.value}")
            amount = assessment.estimate.amount if assessment.estimate else None
            estimate = tx.money(amount) if amount is not None else "—"
            lines.append(escape(tx.t("staff.case_verdict", verdict=verdict, estimate=estimate)))
        return lines

    def needs_person(self, user_id: str) -> bool:
        session = self.checks.load(user_id, CHECK)
        return bool(
            session and session.finished and self.checks.assess(session).outcome is Outcome.NEEDS_PERSON
        )

    def case_of_message(self, chat: Address, message_id: int) -> int | None:
        """The case a message of the staff group's thread belongs to."""
        if chat != self.staff_chat or self.staff_chat_id is None:
            return None
        return self.storage.case_of_message(self.staff_chat_id, message_id)

    # while a case is open ---------------------------------------------------------------------
    def open_case_of(self, user_id: str) -> int | None:
        case = self.storage.open_case_of(user_id) if self.staff_chat_id is not None else None
        return int(case["id"]) if case else None

    def from_user(
        self, case_id: int, sender: Sender, text: str | None, message: tuple[Address, int]
    ) -> list[Outbound]:
        """A user's message during a case: into the staff group's thread (text, or the media copied)."""
        assert self.staff_chat_id is not None and self.staff_chat is not None
        header = self.storage.case_header(case_id, self.staff_chat_id)
        tx = texts_for("zh")
        name = sender.first_name or sender.address.id
        if text is not None:
            lead = Reply(escape(tx.t("staff.user_says", case=case_id, name=name)))
            return [Outbound(self.staff_chat, lead, reply_to=header, case_id=case_id, quoted=text)]
        label = Reply(escape(tx.t("staff.user_sent", case=case_id, name=name)))
        return [
            Outbound(self.staff_chat, label, reply_to=header, case_id=case_id),
            Outbound(self.staff_chat, label, reply_to=header, case_id=case_id, copy_of=message),
        ]

    def from_staff(
        self,
        staff_id: int,
        replied_to: int,
        text: str | None,
        message: tuple[Address, int],
        *,
        replied_to_bot: bool = False,
    ) -> list[Outbound]:
        """A reply in the staff group to a case message: to the user, or a note to staff why not."""
        assert self.staff_chat_id is not None
        case_id = self.storage.case_of_message(self.staff_chat_id, replied_to)
        if case_id is None:
            # a reply to one of the bot's messages that belongs to no thread (a header whose
            # delivery was never confirmed); replies among staff are left alone
            if replied_to_bot and self.is_staff(staff_id):
                return [self._staff_note("staff.message_not_in_case", message[1])]
            return []
        if not self.is_staff(staff_id):
            return [self._staff_note("staff.not_admin", message[1])]
        case = self.storage.case(case_id)
        if case is None:
            return [self._staff_note("staff.case_gone", message[1], case=case_id)]
        if case["status"] not in ("open", "claimed"):
            return [self._staff_note("staff.case_closed_already", message[1], case=case["id"])]
        tx = texts_for(self._lang(case["user_id"]))
        blocked = self._staff_note("staff.user_unreachable", message[1], case=case_id)
        user = Address.parse(case["user_id"])
        if text is not None:
            lead = Reply(bold(tx.t("handoff.staff_says")))
            return [Outbound(user, lead, if_undelivered=blocked, by_staff=True, quoted=text)]
        return [
            Outbound(
                user,
                Reply(escape(tx.t("handoff.staff_says"))),
                copy_of=message,
                if_undelivered=blocked,
                by_staff=True,
            )
        ]

    # staff actions ------------------------------------------------------------------------------
    def staff_action(
        self, action: str, case_id: int, staff: StaffMember, source_message: int
    ) -> list[Outbound]:
        """Claim or Close tapped on a message in the staff group: only by staff, only on that
        case's own thread (a stale button never acts on another case)."""
        if self.staff_chat_id is None:
            return []
        if not self.is_staff(staff.user_id):
            return [self._staff_note("staff.not_admin", source_message)]
        if self.storage.case_of_message(self.staff_chat_id, source_message) != case_id:
            return [self._staff_note("staff.case_gone", source_message, case=case_id)]
        if self.storage.case(case_id) is None:
            return [self._staff_note("staff.case_gone", source_message, case=case_id)]
        return self.claim(case_id, staff) if action == "claim" else self.close(case_id)

    def claim(self, case_id: int, staff: StaffMember) -> list[Outbound]:
        case = self.storage.case(case_id)
        if case is None or case["status"] not in ("open", "claimed") or self.staff_chat is None:
            return []
        assert self.staff_chat_id is not None
        self.storage.claim_case(case_id, staff.user_id, staff.name)
        tx = texts_for("zh")
        note = escape(tx.t("staff.claimed", case=case_id, name=staff.name))
        user_tx = texts_for(self._lang(case["user_id"]))
        return [
            Outbound(
                self.staff_chat,
                Reply(note),
                reply_to=self.storage.case_header(case_id, self.staff_chat_id),
                case_id=case_id,
            ),
            Outbound(Address.parse(case["user_id"]), Reply(escape(user_tx.t("handoff.claimed")))),
        ]

    def close(self, case_id: int, *, by_user: bool = False) -> list[Outbound]:
        case = self.storage.case(case_id)
        if case is None or case["status"] not in ("open", "claimed") or self.staff_chat is None:
            return []
        assert self.staff_chat_id is not None
        user = Address.parse(case["user_id"])
        self.storage.close_case(case_id, "left" if by_user else "closed")
        staff_tx = texts_for("zh")
        user_tx = texts_for(self._lang(case["user_id"]))
        staff_note = staff_tx.t("staff.user_left" if by_user else "staff.closed", case=case_id)
        header = self.storage.case_header(case_id, self.staff_chat_id)
        out = [Outbound(self.staff_chat, Reply(escape(staff_note)), reply_to=header, case_id=case_id)]
        if by_user:
            out.append(Outbound(user, Reply(escape(user_tx.t("handoff.left")))))
        else:
            stars = tuple(Button("⭐" * n, Rate(case_id, n)) for n in range(1, 6))
            out.append(Outbound(user, Reply(escape(user_tx.t("handoff.closed")), (stars[:3], stars[3:]))))
        return out

    def rate(self, user: Address, case_id: int, rating: int) -> list[Outbound]:
        case = self.storage.case(case_id)
        tx = texts_for(self._lang(user.key))
        if case is None or case["user_id"] != user.key or not 1 <= rating <= 5:
            return [Outbound(user, Reply(escape(tx.t("button.stale"))))]
        self.storage.rate_case(case_id, rating)
        return [Outbound(user, Reply(escape(tx.t("handoff.thanks_rating")), edit=True))]

    def open_cases_text(self, now: dt.datetime) -> str:
        tx = texts_for("zh")
        cases = self.storage.open_cases()
        if not cases:
            return escape(tx.t("staff.no_open_cases"))
        lines = [bold(tx.t("staff.open_cases", count=len(cases)))]
        for case in cases:
            opened = dt.datetime.fromisoformat(case["opened_at"])
            minutes = int((now - opened).total_seconds() // 60)
            age = (
                tx.t("staff.age_hours", hours=minutes // 60)
                if minutes >= 120
                else tx.t("staff.age_minutes", minutes=minutes)
            )
            who = case["claimed_by_name"] or tx.t("staff.unclaimed")
            lines.append(f"• #{case['id']} · {escape(age)} · {escape(who)}")
        return "\n".join(lines)
