"""The assistant's conversation logic, transport-free: events in, Replies out.

The Telegram handlers and the console chat both call this class, so they behave the same. It
knows users by id and language only; it never sees a Telegram object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from bot import inbound as inbound_
from bot import screens
from bot.checks import Checks
from bot.handoff import Handoff, Outbound
from bot.i18n import language_of
from bot.inbound import Inbound
from bot.people import WEB, Address, Sender, StaffGroup
from bot.staff import STAFF_COMMANDS, StaffDesk
from bot.storage import Storage
from bot.texts import texts_for
from conversations import actions as act
from conversations.compose import Composed, Composer, Context
from conversations.deadlines import due_today, reminders_due
from conversations.markup import escape
from conversations.reply import Button, Reply, rows
from conversations.texts import Texts
from knowledge.loader import KnowledgeBase
from knowledge.schema import Lang
from knowledge.search import Kind, SearchIndex

USER_COMMANDS = ("start", "help", "check", "human", "remind", "lang", "cancel", "forget")
# about the user's own data: used in the private chat only
PERSONAL_COMMANDS = frozenset({"check", "human", "remind", "cancel", "forget"})
MAX_TEXT_CHARS = 1000  # a longer message is answered from its first part, and the user is told
CONTEXT_MAX_AGE = dt.timedelta(minutes=30)  # a follow-up leans on a question asked this recently
WITHOUT_PUSH = frozenset({WEB})  # channels that only answer: they cannot send a reminder


class ReminderScheduler(Protocol):
    """The transport's timer: Telegram's JobQueue, or nothing in the console."""

    def schedule(self, user_id: str) -> None: ...

    def cancel(self, user_id: str) -> None: ...


class NoScheduler:
    def schedule(self, user_id: str) -> None:
        """Reminders are stored; a transport without timers sends none."""

    def cancel(self, user_id: str) -> None:
        """Nothing was scheduled."""


class Assistant:
    """One per process; holds the shared services (built once) and answers every user."""

    def __init__(
        self,
        kb: KnowledgeBase,
        index: SearchIndex,
        storage: Storage,
        today: Callable[[], dt.date],
        scheduler: ReminderScheduler | None = None,
        staff_group: StaffGroup | None = None,
        composer: Composer | None = None,
    ) -> None:
        self.kb = kb
        self.index = index
        self.storage = storage
        self.today = today
        self.scheduler: ReminderScheduler = scheduler or NoScheduler()
        self.checks = Checks(kb, storage, today)
        self.composer = composer or Composer(kb, index)  # prebuilt (conversations.prebuilt) or built here
        self.handoff = Handoff(kb, storage, self.checks, staff_group or StaffGroup())
        self.staff = StaffDesk(self.handoff)

    # the door: every channel's events come in here -------------------------------------------
    def handle(self, inbound: Inbound) -> list[Outbound]:
        """One event from any channel; returns what to send, each item to its address."""
        sender, where, event = inbound.sender, inbound.where, inbound.event
        match event:
            case inbound_.Command(name, argument, replied_to) if name.lower() in STAFF_COMMANDS:
                lang = self.lang_of(sender)
                return self.staff.command(sender, lang, name.lower(), argument, where, replied_to)
            case inbound_.Command(name, argument):
                return self.command(sender, name, argument, chat=where)
            case inbound_.Message(text, message_id, event_id, edited):
                return self.message(
                    sender, text, chat=where, message_id=message_id, event_id=event_id, edited=edited
                )
            case inbound_.Tap(data, message_id, asker):
                in_staff_chat = where == self.handoff.staff_chat
                if where != sender.address and not in_staff_chat and asker != sender.address:
                    # in a group, a menu belongs to whoever asked for it
                    text = escape(self.texts(sender).t("button.not_yours"))
                    return [Outbound(sender.address, Reply(text), notice=True)]
                return self.tap(
                    sender, data, chat=where, source_message=message_id, in_staff_chat=in_staff_chat
                )
            case inbound_.StaffReply(replied_to, text, message_id, replied_to_bot):
                staff = self.handoff.staff_member(sender)
                if where != self.handoff.staff_chat or staff is None:
                    return []
                return self.handoff.from_staff(
                    staff.user_id, replied_to, text, (where, message_id), replied_to_bot=replied_to_bot
                )
        return []

    # who is speaking -----------------------------------------------------------------------
    def lang_of(self, sender: Sender) -> Lang:
        return self.storage.touch_user(
            sender.user_id, sender.first_name, sender.username, language_of(sender.language_code)
        )

    def texts(self, sender: Sender) -> Texts:
        return texts_for(self.lang_of(sender))

    # commands ------------------------------------------------------------------------------
    def command(
        self, sender: Sender, name: str, argument: str = "", *, chat: Address | None = None
    ) -> list[Outbound]:
        """A user's command, for every channel. Replies go to the chat it came from (`chat`,
        the user's own by default); in a group, personal commands only point to the private chat."""
        name = name.lower()
        here = chat or sender.address
        if name in PERSONAL_COMMANDS and here != sender.address:
            return self._to(here, self.private_only(sender))
        if name == "human":
            return self.human(sender)
        if name == "cancel":
            left = self.leave_case(sender)
            return left if left is not None else self._to(here, self.cancel(sender))
        simple: dict[str, Callable[[], list[Reply]]] = {
            "start": lambda: self.start(sender),
            "help": lambda: self.help(sender),
            "lang": lambda: self.language(sender, argument),
            "remind": lambda: self.remind(sender, argument),
            "check": lambda: self.check(sender),
            "forget": lambda: self.forget(sender),
        }
        reply = simple.get(name)
        if reply is None and here != sender.address:
            return []  # in a group, a command the bot does not have is someone else's
        return self._to(here, reply() if reply else self.unknown_command(sender))

    @staticmethod
    def _to(chat: Address, replies: list[Reply]) -> list[Outbound]:
        return [Outbound(chat, reply) for reply in replies]

    def start(self, sender: Sender) -> list[Reply]:
        tx = self.texts(sender)
        name = escape(sender.first_name or "")
        return [screens.home(tx, greeting=tx.t("start.greeting", name=name))]

    def help(self, sender: Sender) -> list[Reply]:
        tx = self.texts(sender)
        return [Reply(tx.t("help.text"), ((Button(tx.t("button.menu"), act.HOME),),))]

    def language(self, sender: Sender, argument: str = "") -> list[Reply]:
        choice = argument.strip().lower()
        if choice in {"zh", "中文", "cn", "chinese"}:
            return self._set_language(sender, "zh")
        if choice in {"en", "english", "英文"}:
            return self._set_language(sender, "en")
        return [screens.language(self.texts(sender), edit=False)]

    def _set_language(self, sender: Sender, lang: Lang, *, edit: bool = False) -> list[Reply]:
        self.storage.set_language(sender.user_id, lang)
        tx = texts_for(lang)
        return [screens.home(tx, edit=edit, greeting=tx.t("lang.set"))]

    def remind(self, sender: Sender, argument: str = "") -> list[Reply]:
        """Subscribe to (or with 'off', stop) reminders 7 and 1 days before each deadline."""
        tx = self.texts(sender)
        if argument.strip().lower() in {"off", "stop", "关闭", "取消"}:
            self.storage.set_reminders(sender.user_id, False)
            self.scheduler.cancel(sender.user_id)
            return [Reply(escape(tx.t("remind.off")))]
        if sender.address.channel in WITHOUT_PUSH:  # a channel that cannot remind anyone
            return [
                Reply(
                    escape(tx.t("remind.web_unavailable")),
                    ((Button(tx.t("menu.dates"), act.Menu("dates")),),),
                )
            ]
        due = reminders_due(self.kb.notice, self.today())
        if not due:
            today = [
                tx.t("remind.due_today_item", stage=d.stage.name.get(tx.lang), date=tx.date(d.deadline))
                for d in due_today(self.kb.notice, self.today())
            ]
            if today:  # the deadline day itself still counts: say so rather than "passed"
                lines = [tx.t("remind.due_today"), *today, tx.t("dates.local_note")]
                return [Reply(escape("\n".join(lines)))]
            return [Reply(escape(tx.t("remind.all_passed")))]
        self.storage.set_reminders(sender.user_id, True)
        self.scheduler.schedule(sender.user_id)
        lines = [tx.t("remind.on")]
        lines += [
            tx.t("remind.item", date=tx.date(r.on), stage=r.stage.name.get(tx.lang), days=r.days_before)
            for r in due
        ]
        lines += [tx.t("dates.local_note"), tx.t("remind.how_to_stop")]
        return [Reply(escape("\n".join(lines)))]

    def reminder_due(self, user_id: str, stage_id: str, days_before: int) -> list[Outbound]:
        """A scheduled reminder's time has come: sent once, and only while the user wants them."""
        storage = self.storage
        if not storage.has_reminders(user_id) or not storage.mark_reminder_sent(
            user_id, stage_id, days_before
        ):
            return []
        user = storage.user(user_id)
        lang: Lang = "en" if user and user["lang"] == "en" else "zh"
        return [Outbound(Address.parse(user_id), Reply(self.reminder_text(lang, stage_id, days_before)))]

    def reminder_text(self, lang: Lang, stage_id: str, days_before: int) -> str:
        tx = texts_for(lang)
        stage = next(s for s in self.kb.notice.stages if s.id == stage_id)
        assert stage.deadline is not None
        return escape(
            tx.t("remind.message", stage=stage.name.get(lang), date=tx.date(stage.deadline), days=days_before)
        )

    def check(self, sender: Sender) -> list[Reply]:
        """/check: the guided eligibility check (or the choice to continue one)."""
        return [self.checks.start(sender.user_id, self.texts(sender))]

    def cancel(self, sender: Sender) -> list[Reply]:
        tx = self.texts(sender)
        reply = self.checks.cancel(sender.user_id, tx)
        return [reply or Reply(escape(tx.t("cancel.nothing")), ((Button(tx.t("button.menu"), act.HOME),),))]

    def human(self, sender: Sender) -> list[Outbound]:
        """/human: open a case with the staff (or give the contacts when there is no staff group)."""
        return self.handoff.request(sender, self.lang_of(sender))

    def relay(self, sender: Sender, text: str | None, message: tuple[Address, int]) -> list[Outbound] | None:
        """While the user has an open case, their messages go to the staff; None when there is none."""
        case_id = self.handoff.open_case_of(sender.user_id)
        if case_id is None:
            return None
        return self.handoff.from_user(case_id, sender, text, message)

    def leave_case(self, sender: Sender) -> list[Outbound] | None:
        case_id = self.handoff.open_case_of(sender.user_id)
        return self.handoff.close(case_id, by_user=True) if case_id is not None else None

    def forget(self, sender: Sender) -> list[Reply]:
        """/forget: ask before deleting everything about the user."""
        tx = self.texts(sender)
        buttons = (
            (Button(tx.t("forget.yes"), act.Do.FORGET_YES), Button(tx.t("forget.no"), act.Do.FORGET_NO)),
        )
        return [Reply(escape(tx.t("forget.confirm")), buttons)]

    def _forget_confirmed(self, sender: Sender, tx: Texts) -> list[Reply]:
        self.scheduler.cancel(sender.user_id)
        self.storage.forget_user(sender.user_id)
        return [Reply(escape(tx.t("forget.done")), edit=True)]

    def unknown_command(self, sender: Sender) -> list[Reply]:
        return [Reply(escape(self.texts(sender).t("command.unknown")))]

    def edited(self, sender: Sender, text: str) -> list[Reply]:
        """An edited message: answered as a question, but during a check it is not taken as the
        answer to the question now asked (it was typed for an earlier one): a note says so."""
        if self.checks.wants_text(sender.user_id):
            return [Reply(escape(self.texts(sender).t("input.edited")))]
        return self.question(sender, text)

    def private_only(self, sender: Sender) -> list[Reply]:
        """Personal commands (the check, the handoff, /forget …) live in the private chat."""
        return [Reply(escape(self.texts(sender).t("input.private_only")))]

    def unsupported(self, sender: Sender) -> list[Reply]:
        """Stickers, photos, voice, files, locations: a short note of what the bot understands."""
        tx = self.texts(sender)
        return [Reply(escape(tx.t("input.unsupported")), ((Button(tx.t("button.menu"), act.HOME),),))]

    # messages ------------------------------------------------------------------------------
    def message(
        self,
        sender: Sender,
        text: str | None,
        *,
        chat: Address | None = None,
        message_id: int = 0,
        event_id: str | None = None,
        edited: bool = False,
    ) -> list[Outbound]:
        """A message for the bot, for every channel: text, or a file/sticker/… (`text` None).
        During a case it goes to the staff; otherwise it answers the check's question or is a
        question. In a group (`chat` not the user's) only questions are answered, never the
        check, which lives in the private chat it started in; an edit is never a new answer."""
        here = chat or sender.address
        if here != sender.address:
            return self._to(here, self.question(sender, text)) if text and not edited else []
        if edited:
            return self._to(here, self.edited(sender, text) if text else self.unsupported(sender))
        relayed = self.relay(sender, text, (here, message_id))
        if relayed is not None:
            return relayed
        if text is None:
            return self._to(here, self.unsupported(sender))
        if not self.checks.wants_text(sender.user_id) and self.composer.reader.asks_for_a_person(text):
            return self.human(sender)  # 转人工 typed, as the button
        return self._to(here, self.text(sender, text, event_id))

    # free text -----------------------------------------------------------------------------
    def text(self, sender: Sender, text: str, event_id: str | None = None) -> list[Reply]:
        """Free text: the answer to the check's question under way, or a question."""
        lang = self.lang_of(sender)
        if self.checks.wants_text(sender.user_id):
            return [self.checks.text(sender.user_id, texts_for(lang), text[:MAX_TEXT_CHARS], event_id)]
        return self.question(sender, text)

    def question(self, sender: Sender, text: str) -> list[Reply]:
        """A question, answered from the knowledge base (never taken as a check's answer)."""
        lang = self.lang_of(sender)
        replies: list[Reply] = []
        if len(text) > MAX_TEXT_CHARS:
            replies.append(Reply(escape(texts_for(lang).t("input.too_long", limit=MAX_TEXT_CHARS))))
            text = text[:MAX_TEXT_CHARS]
        # the interface language is the user's; a question typed in English is answered in English,
        # and one with no words at all (emoji, digits) in the user's language. A short follow-up
        # is read in the context of the user's last question.
        stored = self.storage.question_context(sender.user_id, CONTEXT_MAX_AGE)
        context = Context.from_dict(stored) if stored else None
        asked_in = None if any(ch.isalpha() for ch in text) else lang
        composed = self.composer.answer(text, asked_in, self.today(), context)
        self.storage.log_question(
            sender.user_id, text, composed.kind.value, composed.entry_id, composed.score, composed.lang
        )
        if composed.context is not None:
            self.storage.save_question_context(sender.user_id, composed.context.as_dict())
        replies.append(self._composed(composed))
        return replies

    def _composed(self, composed: Composed) -> Reply:
        tx = texts_for(composed.lang)
        body = escape(composed.text)
        menu = Button(tx.t("button.menu"), act.HOME)
        suggested = [
            Button(m.entry.title.get(composed.lang), act.Faq(m.entry.id)) for m in composed.suggestions
        ]
        if composed.kind is Kind.ANSWER:
            extra = [Button(tx.t("menu.check"), act.Do.CHECK_START)] if composed.computed else []
            return Reply(body, (*rows(*suggested[:2]), (*extra, menu)))
        if composed.kind in (Kind.UNSURE, Kind.OUTSIDE):  # outside: the related clauses, if any
            return Reply(
                body, (*rows(*suggested, per_row=1), (Button(tx.t("menu.human"), act.Do.HUMAN), menu))
            )
        return Reply(body, ((menu,),))

    # buttons -------------------------------------------------------------------------------
    def tap(
        self,
        sender: Sender,
        data: str | act.Action,
        *,
        chat: Address | None = None,
        source_message: int | None = None,
        in_staff_chat: bool = False,
    ) -> list[Outbound]:
        """Any tapped button, for every channel: the handoff's (person, staff's case buttons,
        rating) and the rest (menus, check, language …), each addressed to its chat; menus
        answer in the chat where the button was (`chat`, the user's own by default)."""
        action = act.decode(data) if isinstance(data, str) else data
        match action:
            case act.Do.HUMAN:
                return self.human(sender)
            case act.StaffCase(op, case_id):
                # case buttons work only where staff see them, on the case's own message
                staff = self.handoff.staff_member(sender)
                if not in_staff_chat or source_message is None or staff is None:
                    return []
                return self.handoff.staff_action(op, case_id, staff, source_message)
            case act.Expired(quiet=True):
                return []
            case act.Rate(case_id, stars):
                return self.handoff.rate(sender.address, case_id, stars)
        return self._to(chat or sender.address, self.button(sender, action))

    def button(self, sender: Sender, data: str | act.Action) -> list[Reply]:
        """A tapped button; unknown or stale data gets the menu again rather than an error."""
        action = act.decode(data) if isinstance(data, str) else data
        tx = self.texts(sender)
        kb, today = self.kb, self.today()
        reply: Reply | None = None
        match action:
            case _ if act.for_flows(action):
                return [self.checks.tap(sender.user_id, tx, action)]
            case act.Do.FORGET_YES:
                return self._forget_confirmed(sender, tx)
            case act.Do.FORGET_NO:
                return [Reply(escape(tx.t("forget.kept")), edit=True)]
            case act.SetLanguage(lang):
                return self._set_language(sender, lang, edit=True)
            case act.Do.REMIND_ON:
                return self.remind(sender)
            case act.Faq(entry_id) if entry_id in kb.entries_by_id:
                composed = self.composer.entry(kb.entries_by_id[entry_id], tx.lang, today)
                if composed.context is not None:
                    self.storage.save_question_context(sender.user_id, composed.context.as_dict())
                return [self._composed(composed)]
            case act.Menu(screen):
                reply = self._screen(screen, tx, today)
            case act.Direction(direction_id, "amount"):
                reply = screens.direction_amount(kb, tx, direction_id)
            case act.Direction(direction_id, "materials"):
                reply = screens.direction_materials(kb, tx, direction_id)
            case act.Direction(direction_id):
                reply = screens.direction(kb, tx, direction_id)
        if reply is None:  # act.Expired, an entry or a direction gone, a rating or a case button here
            return [screens.home(tx, greeting=tx.t("button.stale"))]
        return [reply]

    def _screen(self, screen: act.Screen, tx: Texts, today: dt.date) -> Reply:
        kb = self.kb
        match screen:
            case "home":
                return screens.home(tx, edit=True)
            case "dirs":
                return screens.directions(kb, tx)
            case "who":
                return screens.who(kb, tx)
            case "amounts":
                return screens.amounts(kb, tx)
            case "dates":
                return screens.key_dates(kb, tx, today)
            case "materials":
                return screens.materials(kb, tx)
            case "contacts":
                return screens.contacts(kb, tx)
            case "lang":
                return screens.language(tx)
