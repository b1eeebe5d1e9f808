"""All the wiring of the Telegram application in one place."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any, cast

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import handlers, polling
from bot.dialog import USER_COMMANDS, Assistant
from bot.i18n import gettext
from bot.people import TELEGRAM, Address, telegram
from bot.resilience import BULK, ResilientLimiter
from bot.settings import Settings
from bot.staff import STAFF_COMMANDS
from conversations.deadlines import reminders_due
from knowledge.schema import LANGS

log = logging.getLogger(__name__)

LAST_GROUP = 99  # handlers that run after all others for an update
REMINDER_HOUR = 9  # local time of day a future reminder is sent
OUTBOX_EVERY = 30.0  # seconds between retries of what the outbox still holds


class JobQueueReminders:
    """Schedules a subscriber's reminders on the JobQueue; `reminders_sent` makes each go out once."""

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        self.application = application

    @property
    def assistant(self) -> Assistant:
        assistant: Assistant = self.application.bot_data["assistant"]
        return assistant

    def schedule(self, user_id: str) -> None:
        job_queue = self.application.job_queue
        address = Address.parse(user_id)
        if job_queue is None or address.channel != TELEGRAM:  # other channels' users: not from here
            return
        self.cancel(user_id)
        today = self.assistant.today()
        now = dt.datetime.now()
        for due in reminders_due(self.assistant.kb.notice, today):
            days_ahead = (due.on - today).days
            if days_ahead == 0:
                when: dt.datetime | float = 1.0
            else:
                when = (now + dt.timedelta(days=days_ahead)).replace(hour=REMINDER_HOUR, minute=0, second=0)
            job_queue.run_once(
                self._send,
                when,
                data=(due.stage.id, due.days_before),
                name=f"remind:{address.id}:{due.stage.id}:{due.days_before}",
                user_id=int(address.id),
                chat_id=int(address.id),
            )

    def cancel(self, user_id: str) -> None:
        job_queue = self.application.job_queue
        address = Address.parse(user_id)
        if job_queue is None or address.channel != TELEGRAM:
            return
        for job in job_queue.jobs():
            if job.name and job.name.startswith(f"remind:{address.id}:"):
                job.schedule_removal()

    async def _send(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        job = context.job
        if job is None or job.user_id is None:
            return
        stage_id, days_before = cast(tuple[str, int], job.data)
        for item in self.assistant.reminder_due(telegram(job.user_id).key, stage_id, days_before):
            await context.bot.send_message(
                int(item.to.id),
                item.reply.text,
                parse_mode=ParseMode.HTML,
                rate_limit_args=BULK,  # type: ignore[arg-type]
            )


async def register_commands(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Command menus in both languages (Chinese is also the default for other languages)."""
    for lang in LANGS:
        commands = [BotCommand(c, gettext(lang, f"cmd.{c}")) for c in USER_COMMANDS]
        await application.bot.set_my_commands(commands, language_code=lang)
        if lang == "zh":
            await application.bot.set_my_commands(commands)


async def post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    try:
        await register_commands(application)
    except TelegramError:  # the command menu is a convenience: the bot works without it
        log.exception("could not register the command menus")
    reminders: JobQueueReminders = application.bot_data["reminders"]
    assistant: Assistant = application.bot_data["assistant"]
    for user_id in assistant.storage.reminder_subscribers():
        reminders.schedule(user_id)
    # case headers a crash or an outage kept from the staff group
    await handlers.flush_outbox(application.bot, assistant, at_startup=True)
    if application.job_queue is not None:
        application.job_queue.run_repeating(_flush_outbox, interval=OUTBOX_EVERY, first=OUTBOX_EVERY)


async def _flush_outbox(context: ContextTypes.DEFAULT_TYPE) -> None:
    await handlers.flush_outbox(context.bot, context.application.bot_data["assistant"])


async def post_shutdown(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    application.bot_data["assistant"].storage.close()


def build_application(settings: Settings, assistant: Assistant) -> Application[Any, Any, Any, Any, Any, Any]:
    """The application with every handler; `assistant` carries the services built once."""
    if settings.token is None:
        raise ValueError("BOT_TOKEN is required for the Telegram bot")
    builder = (
        ApplicationBuilder()
        .token(settings.token.get_secret_value())
        .base_url(settings.api_base_url)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .rate_limiter(ResilientLimiter())
        .updater(None)  # bot.polling confirms updates only once handled
        .connect_timeout(10)
        .read_timeout(15)
        .write_timeout(15)
        .pool_timeout(10)
        # a small pool: httpcore's bookkeeping grows with the connections open (bench/load.py)
        .connection_pool_size(polling.MAX_CONCURRENT + 4)
    )
    if settings.api_base_file_url:
        builder = builder.base_file_url(settings.api_base_file_url)
    application = builder.build()
    reminders = JobQueueReminders(application)
    assistant.scheduler = reminders
    application.bot_data["assistant"] = assistant
    application.bot_data["settings"] = settings
    application.bot_data["reminders"] = reminders

    application.add_handler(TypeHandler(Update, handlers.skip_duplicates), group=-1)
    application.add_handler(TypeHandler(Update, handlers.mark_handled), group=LAST_GROUP)
    private = filters.ChatType.PRIVATE
    # every command, the bot's own and any other, goes to the core, which knows what each means
    application.add_handler(CommandHandler((*USER_COMMANDS, *STAFF_COMMANDS), handlers.command))
    if settings.staff_chat_id is not None:
        staff_replies = filters.Chat(settings.staff_chat_id) & filters.REPLY & ~filters.COMMAND
        application.add_handler(MessageHandler(staff_replies, handlers.staff_reply))
    application.add_handler(CallbackQueryHandler(handlers.button))
    application.add_handler(MessageHandler(filters.COMMAND, handlers.command))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, handlers.text_message))
    application.add_handler(
        MessageHandler(private & ~filters.TEXT & ~filters.StatusUpdate.ALL, handlers.unsupported)
    )
    application.add_error_handler(handlers.on_error)
    return application


def run_telegram(settings: Settings, assistant: Assistant) -> None:
    """Long polling until interrupted (SIGINT, SIGTERM)."""
    application = build_application(settings, assistant)
    log.info("starting long polling against %s", settings.api_base_url)
    polling.run(application, post_init, post_shutdown)
