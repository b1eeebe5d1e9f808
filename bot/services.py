"""Builds the shared services once: knowledge base, search index, storage, assistant."""

from __future__ import annotations

from bot.dialog import Assistant, ReminderScheduler
from bot.people import StaffGroup
from bot.settings import Settings
from bot.storage import Storage
from conversations.prebuilt import load_composer


def build_assistant(settings: Settings, scheduler: ReminderScheduler | None = None) -> Assistant:
    composer = load_composer(settings.notice_dir)
    storage = Storage(settings.db_path)
    return Assistant(
        composer.kb,
        composer.index,
        storage,
        settings.current_date,
        scheduler,
        StaffGroup(settings.staff_chat_id, settings.admin_ids),
        composer=composer,
    )
