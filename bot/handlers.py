"""Thin python-telegram-bot handlers: read the update, call the Assistant, send its replies."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.channels import Channels
from bot.dialog import Assistant
from bot.handoff import Outbound
from bot.i18n import DEFAULT_LANG, gettext, language_of
from bot.inbound import Command, Event, Inbound, StaffReply, Tap
from bot.inbound import Message as MessageEvent
from bot.people import TELEGRAM, Address, Sender, telegram
from bot.resilience import might_have_been_delivered
from bot.storage import Storage
from conversations.markup import escape, plain
from conversations.reply import Keyboard, Reply
from knowledge.schema import Lang

log = logging.getLogger(__name__)

MESSAGE_LIMIT = 4096  # Telegram's limit on one message's text, in UTF-16 code units
LEAD_ROOM = 300  # kept free for the lead line ("Case #12 · Ann:")


def utf16_units(text: str) -> int:
    """Telegram counts UTF-16 code units: an emoji outside the BMP counts twice."""
    return len(text.encode("utf-16-le")) // 2


def with_lead(lead: str, text: str) -> list[str]:
    """`lead` and the escaped `text` in as many messages as Telegram needs; the limit applies to
    the text as shown (after the HTML entities are read), counted as Telegram counts it."""
    parts, current, units = [], "", 0
    for char in text:
        size = utf16_units(char)
        if units + size > MESSAGE_LIMIT - LEAD_ROOM:
            parts.append(current)
            current, units = "", 0
        current += escape(char)
        units += size
    parts.append(current)
    return [f"{lead}\n{parts[0]}", *parts[1:]]


def texts_of(item: Outbound) -> list[str]:
    """An item's text as Telegram messages: quoted words split to fit."""
    return with_lead(item.reply.text, item.quoted) if item.quoted is not None else [item.reply.text]


def build_keyboard(buttons: Keyboard) -> InlineKeyboardMarkup | None:
    """The core's buttons as Telegram inline keyboard markup."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in buttons]
    )


def assistant_of(context: ContextTypes.DEFAULT_TYPE) -> Assistant:
    assistant: Assistant = context.application.bot_data["assistant"]
    return assistant


def sender_of(update: Update) -> Sender | None:
    user = update.effective_user
    if user is None or user.is_bot:
        return None
    return Sender(telegram(user.id), user.first_name, user.username, user.language_code)


def inbound(update: Update, event: Event) -> Inbound | None:
    """The update as the core's one inbound value (None for a bot's or a channel's post)."""
    sender, chat = sender_of(update), update.effective_chat
    if sender is None or chat is None:
        return None
    return Inbound(sender, event, telegram(chat.id))


async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE, event: Event) -> None:
    """Through the door: the core decides, the items go out."""
    if (value := inbound(update, event)) is not None:
        await deliver(update, context, assistant_of(context).handle(value))


async def send_replies(update: Update, context: ContextTypes.DEFAULT_TYPE, replies: Sequence[Reply]) -> None:
    """Send each reply; one marked `edit` replaces the message whose button was tapped."""
    chat = update.effective_chat
    if chat is None:
        return
    query_message = update.callback_query.message if update.callback_query else None
    for reply in replies:
        markup = build_keyboard(reply.buttons)
        if reply.edit and isinstance(query_message, Message):
            try:
                await query_message.edit_text(reply.text, parse_mode=ParseMode.HTML, reply_markup=markup)
                continue
            except BadRequest as exc:
                if "not modified" in str(exc).lower():
                    continue
                log.info("could not edit message %s (%s); sending a new one", query_message.message_id, exc)
        reply_to = (
            ReplyParameters(update.effective_message.message_id, allow_sending_without_reply=True)
            if chat.type != ChatType.PRIVATE and update.effective_message and not update.callback_query
            else None
        )
        await context.bot.send_message(
            chat.id, reply.text, parse_mode=ParseMode.HTML, reply_markup=markup, reply_parameters=reply_to
        )


async def deliver(
    update: Update | None, context: ContextTypes.DEFAULT_TYPE, outgoing: Sequence[Outbound]
) -> None:
    """Send each item to its chat; messages that belong to a case are recorded in its thread.
    An item for another channel's user (a web chat session) goes to that channel instead."""
    channels: Channels | None = context.application.bot_data.get("channels")
    for item in outgoing:
        if item.to.channel != TELEGRAM:
            channel = channels.owner(item.to) if channels is not None else None
            if channel is not None:
                channel.deliver(item)
            else:
                log.warning("no channel here for %s; an item for it was not sent", item.to.channel)
            continue
        try:
            await _deliver_one(update, context, item)
        except Forbidden:
            if item.if_undelivered is None:
                raise
            log.info("chat %s cannot be reached; telling its fallback", item.to)
            await deliver(update, context, [item.if_undelivered])
            continue
        if item.if_delivered is not None:
            await deliver(update, context, [item.if_delivered])


async def post_tracked(bot: Bot, storage: Storage, item: Outbound) -> None:
    """An outbox item: marked before sending, confirmed with its message id after; a send that
    may have arrived is never repeated (flush_outbox posts a note to the thread instead)."""
    assert item.outbox_id is not None and item.case_id is not None
    storage.outbox_mark(item.outbox_id, "sending")
    try:
        sent = await bot.send_message(
            int(item.to.id),
            item.reply.text,
            parse_mode=ParseMode.HTML,
            reply_markup=build_keyboard(item.reply.buttons),
        )
    except TelegramError as exc:
        state = "uncertain" if might_have_been_delivered(exc) else "pending"
        storage.outbox_mark(item.outbox_id, state)
        log.warning("case %s: header not confirmed (%s); it is %s", item.case_id, exc, state)
        return
    storage.outbox_sent(item.outbox_id, int(item.to.id), sent.message_id, item.case_id)


async def flush_outbox(bot: Bot, assistant: Assistant, *, at_startup: bool = False) -> None:
    """Send what the outbox still holds; for a header that may or may not have arrived, a note
    staff can reply to. At start-up a send cut off by a crash ('sending') counts as uncertain."""
    storage = assistant.storage
    for row in storage.outbox_in_state(*(("sending", "uncertain") if at_startup else ("uncertain",))):
        if storage.case(row["case_id"]) is None:
            storage.outbox_mark(row["id"], "dropped")
            continue
        note = assistant.handoff.header_unconfirmed(row["case_id"])
        try:
            sent = await bot.send_message(int(note.to.id), note.reply.text, parse_mode=ParseMode.HTML)
        except TelegramError as exc:
            log.warning("case %s: could not post the thread note (%s)", row["case_id"], exc)
            continue
        storage.outbox_sent(row["id"], int(note.to.id), sent.message_id, row["case_id"])
    for row in storage.outbox_in_state("pending"):
        if storage.case(row["case_id"]) is None:
            storage.outbox_mark(row["id"], "dropped")
            continue
        await post_tracked(bot, storage, assistant.handoff.outbox_item(row["case_id"]))


def _asker_in_group(update: Update | None, chat_id: int) -> int | None:
    """In a group, the reply quotes the message it answers: a menu's buttons belong to its asker."""
    message = update.effective_message if update and not update.callback_query else None
    if message is None or message.chat.type == ChatType.PRIVATE or message.chat.id != chat_id:
        return None
    return message.message_id


async def _deliver_one(update: Update | None, context: ContextTypes.DEFAULT_TYPE, item: Outbound) -> None:
    if item.outbox_id is not None:
        await post_tracked(context.bot, assistant_of(context).storage, item)
        return
    chat_id = int(item.to.id)
    query_message = update.callback_query.message if update and update.callback_query else None
    reply_to = item.reply_to or _asker_in_group(update, chat_id)
    reply_parameters = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
    sent_ids: list[int] = []
    if item.file is not None:
        filename, data = item.file
        document = await context.bot.send_document(
            chat_id,
            data,
            filename=filename,
            caption=item.reply.text,
            parse_mode=ParseMode.HTML,
        )
        sent_ids.append(document.message_id)
    elif item.copy_of is not None:
        source, message_id = item.copy_of
        copied = await context.bot.copy_message(
            chat_id, int(source.id), message_id, reply_parameters=reply_parameters
        )
        sent_ids.append(copied.message_id)
    elif item.reply.edit and isinstance(query_message, Message) and query_message.chat.id == chat_id:
        await send_replies(update, context, [item.reply])  # type: ignore[arg-type]
        return
    else:
        texts = texts_of(item)
        for number, text in enumerate(texts):
            sent = await context.bot.send_message(
                chat_id,
                text,
                parse_mode=ParseMode.HTML,
                reply_markup=build_keyboard(item.reply.buttons) if number == len(texts) - 1 else None,
                reply_parameters=reply_parameters,
            )
            sent_ids.append(sent.message_id)
    if item.case_id is not None:
        for sent_id in sent_ids:
            assistant_of(context).storage.map_case_message(chat_id, sent_id, item.case_id)


async def skip_duplicates(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An update delivered again (after a crash, before its offset was confirmed) is handled once."""
    if assistant_of(context).storage.was_handled(update.update_id):
        log.info("update %s already handled; skipped", update.update_id)
        raise ApplicationHandlerStop


async def mark_handled(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs after every other handler: from now on a redelivery of this update is skipped."""
    assistant_of(context).storage.mark_handled(update.update_id)


async def command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A user's command (/start, /help, /check …): the core decides what it means and where."""
    message = update.effective_message
    if message is None or not message.text:
        return
    name, _, addressee = message.text.split()[0][1:].partition("@")
    if addressee and addressee.lower() != (context.bot.username or "").lower():
        if message.chat.type != ChatType.PRIVATE:
            return  # another bot's command
        name = f"{name}@{addressee}"  # in the private chat: a command the bot does not have
    replied = message.reply_to_message.message_id if message.reply_to_message else None
    argument = message.text.partition(" ")[2].strip()
    await handle(update, context, Command(name, argument, replied))


async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Free text in a private chat, or addressed to the bot in a group (mention or reply)."""
    message = update.effective_message
    if message is None or not message.text:
        return
    text: str | None = message.text
    if message.chat.type != ChatType.PRIVATE:
        text = _addressed_text(message, context.bot.username)
        if not text:
            return  # group chatter not meant for the bot
    edited = update.edited_message is not None
    await handle(update, context, MessageEvent(text, message.message_id, str(update.update_id), edited))


def _addressed_text(message: Message, bot_username: str | None) -> str | None:
    """The text of a group message meant for the bot (mention or reply to it), without the mention."""
    text = message.text or ""
    mention = f"@{bot_username}" if bot_username else None
    if mention and mention.lower() in text.lower():
        start = text.lower().index(mention.lower())
        return (text[:start] + text[start + len(mention) :]).strip()
    replied = message.reply_to_message
    if replied and replied.from_user and replied.from_user.username == bot_username:
        return text
    return None


async def unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice, files, locations in a private chat: to the staff during a case,
    otherwise a note of what the bot reads."""
    message = update.effective_message
    if message is None:
        return
    await handle(
        update, context, MessageEvent(None, message.message_id, edited=update.edited_message is not None)
    )


async def staff_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A reply in the staff group to a case message: relayed to that case's user (staff only)."""
    message = update.effective_message
    if message is None or message.reply_to_message is None or update.edited_message:
        return
    replied = message.reply_to_message
    to_bot = bool(replied.from_user and replied.from_user.id == context.bot.id)
    await handle(update, context, StaffReply(replied.message_id, message.text, message.message_id, to_bot))


def _asker(update: Update) -> Address | None:
    """In a group, the user whose message the tapped menu quotes (the bot's replies quote it)."""
    query = update.callback_query
    message = query.message if query and isinstance(query.message, Message) else None
    asker = message.reply_to_message.from_user if message and message.reply_to_message else None
    return telegram(asker.id) if asker is not None else None


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A tapped inline button: the core's notice (if any) answers the tap, the rest is sent."""
    query = update.callback_query
    source = query.message.message_id if query and isinstance(query.message, Message) else None
    value = inbound(update, Tap(query.data or "", source, _asker(update))) if query else None
    if query is None or value is None:
        return
    outgoing = assistant_of(context).handle(value)
    notices = [item for item in outgoing if item.notice]
    try:
        if notices:
            await query.answer(plain(notices[0].reply.text), show_alert=True)
        else:
            await query.answer()
    except BadRequest as exc:  # too old (e.g. redelivered after a restart): the tap still counts
        log.info("could not answer callback query %s: %s", query.id, exc)
    await deliver(update, context, [item for item in outgoing if not item.notice])


class DatabaseTrouble:
    """Logs a failing database once per kind of failure, not once per message."""

    def __init__(self) -> None:
        self.last: str | None = None

    def report(self, error: sqlite3.Error) -> None:
        reason = str(error)
        if reason != self.last:
            log.error("the database cannot be written (%s): replies that need a write say so", reason)
            self.last = reason


DATABASE_TROUBLE = DatabaseTrouble()


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the traceback and tell the user, in their language, that something went wrong."""
    unsaved = isinstance(context.error, sqlite3.Error)
    if unsaved:
        DATABASE_TROUBLE.report(context.error)  # type: ignore[arg-type]
    else:
        log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if isinstance(context.error, NetworkError) and not isinstance(context.error, BadRequest):
        # a timed-out reply has most likely arrived, and after the limiter's retries Telegram is
        # unreachable anyway: an apology would be wrong, or lost too
        return
    sender = sender_of(update)
    lang: Lang = language_of(sender.language_code) if sender else DEFAULT_LANG
    if sender is not None and not unsaved:
        try:
            lang = assistant_of(context).lang_of(sender)
        except Exception:  # the error may be the database itself; the user's language code then
            log.exception("could not read the user's language")
    # "nothing you entered is lost" is only true when the database took it
    text = gettext(lang, "error.not_saved") if unsaved else gettext(lang, "error.generic")
    try:
        await context.bot.send_message(update.effective_chat.id, text)
    except Exception:  # Telegram itself may be what failed; the log already has the cause
        log.exception("could not tell the user about the error")
