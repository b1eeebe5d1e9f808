"""Thin python-telegram-bot handlers: read the update, call the Assistant, send its replies."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.dialog import Assistant, Sender
from bot.i18n import DEFAULT_LANG, gettext
from conversations.reply import Keyboard, Reply
from knowledge.schema import Lang

log = logging.getLogger(__name__)


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
    return Sender(user.id, user.first_name, user.username, user.language_code)


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
        await context.bot.send_message(chat.id, reply.text, parse_mode=ParseMode.HTML, reply_markup=markup)


async def skip_duplicates(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An update delivered again (e.g. after a crash before the offset was confirmed) is handled once."""
    if not assistant_of(context).storage.first_delivery(update.update_id):
        log.info("update %s already handled; skipped", update.update_id)
        raise ApplicationHandlerStop


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: greeting and the main menu."""
    if sender := sender_of(update):
        await send_replies(update, context, assistant_of(context).start(sender))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: what the bot can do and its commands."""
    if sender := sender_of(update):
        await send_replies(update, context, assistant_of(context).help(sender))


async def lang(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/lang [zh|en]: switch the language, or offer the choice."""
    if sender := sender_of(update):
        argument = " ".join(context.args or [])
        await send_replies(update, context, assistant_of(context).language(sender, argument))


async def remind(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/remind [off]: deadline reminders on or off."""
    if sender := sender_of(update):
        argument = " ".join(context.args or [])
        await send_replies(update, context, assistant_of(context).remind(sender, argument))


async def check(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/check: the guided eligibility check."""
    if sender := sender_of(update):
        await send_replies(update, context, assistant_of(context).check(sender))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/cancel: stop what is under way."""
    if sender := sender_of(update):
        await send_replies(update, context, assistant_of(context).cancel(sender))


async def human(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/human: reach a person."""
    if sender := sender_of(update):
        await send_replies(update, context, assistant_of(context).human(sender))


async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Free text in a private chat, or addressed to the bot in a group: answer it."""
    sender, message = sender_of(update), update.effective_message
    if sender is None or message is None or not message.text:
        return
    text: str | None = message.text
    if message.chat.type != ChatType.PRIVATE:
        text = _addressed_text(message, context.bot.username)
    if text is None:
        return  # group chatter not meant for the bot
    await send_replies(update, context, assistant_of(context).text(sender, text))


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


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot does not have (in private chats only)."""
    if (
        (sender := sender_of(update))
        and update.effective_chat
        and update.effective_chat.type == ChatType.PRIVATE
    ):
        await send_replies(update, context, assistant_of(context).unknown_command(sender))


async def unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice, files, locations in a private chat: say what the bot reads."""
    if sender := sender_of(update):
        await send_replies(update, context, assistant_of(context).unsupported(sender))


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A tapped inline button."""
    query = update.callback_query
    sender = sender_of(update)
    if query is None or sender is None:
        return
    await query.answer()
    await send_replies(update, context, assistant_of(context).button(sender, query.data or ""))


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the traceback and tell the user, in their language, that something went wrong."""
    log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    sender = sender_of(update)
    lang: Lang = DEFAULT_LANG
    if sender is not None:
        try:
            lang = assistant_of(context).lang_of(sender)
        except Exception:  # the error may be the database itself; Chinese is the default then
            log.exception("could not read the user's language")
    try:
        await context.bot.send_message(update.effective_chat.id, html.escape(gettext(lang, "error.generic")))
    except Exception:  # Telegram itself may be what failed; the log already has the cause
        log.exception("could not tell the user about the error")
