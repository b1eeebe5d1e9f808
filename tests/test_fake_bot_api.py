"""Self-test of the fake Bot API server: a real python-telegram-bot Application against it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardMarkup, Update, ext
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from tests.fake_bot_api import FakeBotApi

GROUP_ID = -1001234567890
App = ext.Application[Any, Any, Any, Any, Any, Any]


async def echo(update: Update, context: ext.ContextTypes.DEFAULT_TYPE) -> None:
    """Echo a text; in groups, quote the message and say whether it replied to the bot."""
    message = update.effective_message
    assert message is not None and message.text is not None
    if message.chat.type == "private":
        await message.reply_text(f"echo: {message.text}")
        return
    replied = message.reply_to_message
    to_bot = replied is not None and replied.from_user is not None and replied.from_user.is_bot
    await message.reply_text(f"group echo: {message.text} (reply to bot: {to_bot})", do_quote=True)


async def menu(update: Update, context: ext.ContextTypes.DEFAULT_TYPE) -> None:
    """Offer an inline keyboard."""
    assert update.effective_message is not None
    yes = InlineKeyboardButton("Yes ✅", callback_data="yes")
    keyboard = InlineKeyboardMarkup([[yes, InlineKeyboardButton("No", callback_data="no")]])
    await update.effective_message.reply_text("Continue?", reply_markup=keyboard)


async def choose(update: Update, context: ext.ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the tap and edit the menu message."""
    query = update.callback_query
    assert query is not None
    await query.answer(f"got {query.data}")
    await query.edit_message_text(f"You chose <b>{query.data}</b>", parse_mode="HTML")


async def document(update: Update, context: ext.ContextTypes.DEFAULT_TYPE) -> None:
    """Download the document and send it back reversed."""
    message = update.effective_message
    assert message is not None and message.document is not None
    file = await message.document.get_file()
    data = await file.download_as_bytearray()
    await message.reply_document(bytes(data[::-1]), filename=f"reversed-{message.document.file_name}")


@pytest.fixture
async def server() -> AsyncIterator[FakeBotApi]:
    """A running fake server; checks that no task outlives the test."""
    before = asyncio.all_tasks()
    async with FakeBotApi() as fake:
        yield fake
    await asyncio.sleep(0)
    leaked = [t for t in asyncio.all_tasks() - before - {asyncio.current_task()} if not t.done()]
    assert not leaked, leaked


@pytest.fixture
async def app(server: FakeBotApi) -> AsyncIterator[App]:
    """A polling PTB application wired to the fake server; shut down cleanly afterwards."""
    application = (
        ext.ApplicationBuilder()
        .token(server.token)
        .base_url(server.base_url)
        .base_file_url(server.base_file_url)
        .build()
    )
    errors: list[object] = []

    async def on_error(update: object, context: ext.ContextTypes.DEFAULT_TYPE) -> None:
        errors.append(context.error)

    application.bot_data["errors"] = errors
    application.add_handler(ext.CommandHandler("menu", menu))
    application.add_handler(ext.CallbackQueryHandler(choose))
    application.add_handler(ext.MessageHandler(ext.filters.Document.ALL, document))
    application.add_handler(ext.MessageHandler(ext.filters.TEXT & ~ext.filters.COMMAND, echo))
    application.add_error_handler(on_error)
    await application.initialize()
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0, timeout=1)
    yield application
    await application.updater.stop()
    await application.stop()
    await application.shutdown()


async def test_echo_menu_tap_and_edit(server: FakeBotApi, app: App) -> None:
    ann = server.user(1001, first_name="Ann")
    await ann.send("hello")
    reply = await ann.next_reply()
    assert (reply.method, reply.text) == ("sendMessage", "echo: hello")
    assert reply.message is not None and reply.message["from"]["is_bot"]

    command = await ann.send("/menu")
    assert command["entities"] == [{"type": "bot_command", "offset": 0, "length": 5}]
    menu_reply = await ann.next_reply()
    assert menu_reply.buttons == [["Yes ✅", "No"]]
    assert menu_reply.button_data == [[("Yes ✅", "yes"), ("No", "no")]]

    with pytest.raises(AssertionError, match=r"available: \[\['Yes ✅', 'No'\]\]"):
        await ann.tap("Maybe")
    query_id = await ann.tap("Yes")  # a unique partial label is enough
    edit = await ann.next_reply()
    assert edit.method == "editMessageText"
    assert edit.message_id == menu_reply.message_id
    assert edit.text == "You chose yes" and edit.raw_text == "You chose <b>yes</b>"
    assert edit.buttons == []
    assert server.callback_answer(query_id) is not None
    assert ann.callback_answers[-1]["text"] == "got yes"
    assert server.messages(ann.id)[-1]["text"] == "You chose yes"
    assert [m["message_id"] for m in ann.messages] == [1, 2, 3, 4]

    await ann.edit(command["message_id"], "/menu again")  # CommandHandler also sees edited messages
    assert (await ann.next_reply()).text == "Continue?"
    await ann.expect_no_reply(0.1)


async def test_group_messages_and_replies(server: FakeBotApi, app: App) -> None:
    bob = server.user(1002, first_name="Bob", language_code="en")
    group = server.chat(GROUP_ID, title="Staff")
    await bob.send_in(GROUP_ID, "hi all")
    first = await group.next_reply()
    assert first.text == "group echo: hi all (reply to bot: False)"
    assert first.message is not None and first.message["chat"]["type"] == "supergroup"
    assert first.reply_to_message_id == 1

    sent = await bob.send_in(GROUP_ID, "thanks", reply_to_message_id=first.message_id)
    assert sent["reply_to_message"]["text"] == first.text
    replies = await group.replies_until_idle(idle=0.2)
    assert [r.text for r in replies] == ["group echo: thanks (reply to bot: True)"]
    await bob.expect_no_reply(0.1)


async def test_document_upload_and_download(server: FakeBotApi, app: App) -> None:
    cai = server.user(1003, first_name="Cai")
    await cai.send_document("report.txt", b"hello world", caption="my report")
    reply = await cai.next_reply()
    assert reply.method == "sendDocument"
    assert reply.file_bytes == b"dlrow olleh" and reply.file_name == "reversed-report.txt"
    assert reply.message is not None
    file = await app.bot.get_file(reply.message["document"]["file_id"])
    assert bytes(await file.download_as_bytearray()) == b"dlrow olleh"


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # RetryAfter.__init__
async def test_retry_after_and_outage(server: FakeBotApi, app: App) -> None:
    dan = server.user(1004, first_name="Dan")
    server.fail_next("sendMessage", status=429, retry_after=3)
    with pytest.raises(RetryAfter) as caught:
        await app.bot.send_message(dan.id, "hi")
    assert "Retry in 3 seconds" in str(caught.value)

    server.fail_next("sendMessage", status=429, retry_after=1)
    await dan.send("lost")  # the handler's reply hits the 429 and goes to the error handler
    await dan.expect_no_reply(0.3)
    assert any(isinstance(e, RetryAfter) for e in app.bot_data["errors"])

    server.fail_next("sendMessage", status=502)
    with pytest.raises(NetworkError):
        await app.bot.send_message(dan.id, "hi")

    server.fail_next("sendMessage", status=None, delay=0.5)  # delivered, but answered late
    with pytest.raises(TimedOut):
        await app.bot.send_message(dan.id, "slow", read_timeout=0.1)
    assert (await dan.next_reply()).text == "slow"

    await server.pause()
    with pytest.raises(NetworkError):
        await app.bot.send_message(dan.id, "down", connect_timeout=0.5)
    await server.resume()
    await dan.send("back")
    assert (await dan.next_reply()).text == "echo: back"


async def test_bad_requests_surface_in_ptb(server: FakeBotApi, app: App) -> None:
    eve = server.user(1005, first_name="Eve")
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await app.bot.send_message(eve.id, "a <x> b", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)reserved"):
        await app.bot.send_message(eve.id, "1.5 million", parse_mode="MarkdownV2")
    sent = await app.bot.send_message(eve.id, "same")
    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await app.bot.edit_message_text("same", chat_id=eve.id, message_id=sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await app.bot.send_message(999, "nobody")
    eve.block()
    with pytest.raises(Exception, match=r"(?i)blocked"):
        await app.bot.send_message(eve.id, "hi")
    eve.unblock()
    await app.bot.set_my_commands([("start", "开始")], language_code="zh")
    assert server.commands(language_code="zh") == [{"command": "start", "description": "开始"}]
    assert [c.command for c in await app.bot.get_my_commands(language_code="zh")] == ["start"]
    chat = await app.bot.get_chat(eve.id)
    assert chat.first_name == "Eve"


async def test_stale_callback_and_unanswered(server: FakeBotApi, app: App) -> None:
    fay = server.user(1006, first_name="Fay")
    query_id = await fay.tap_data(42, "forged")  # no such message: an inaccessible message
    edit_error = await server.wait_for_call("editMessageText")
    assert edit_error.params["message_id"] == 42
    assert server.callback_answer(query_id) == {"callback_query_id": query_id, "text": "got forged"}
    for _ in range(100):
        if app.bot_data["errors"]:
            break
        await asyncio.sleep(0.01)
    assert [type(e) for e in app.bot_data["errors"]] == [BadRequest]
    assert server.errors[-1].description == "Bad Request: message to edit not found"


async def _post(session: aiohttp.ClientSession, url: str, **kwargs: Any) -> dict[str, Any]:
    """POST and return the JSON body, checking the HTTP status matches its error_code."""
    async with session.post(url, **kwargs) as response:
        body: dict[str, Any] = await response.json()
    assert response.status == body.get("error_code", 200)
    return body


async def test_http_protocol(server: FakeBotApi) -> None:
    api = f"{server.base_url}{server.token}"
    async with aiohttp.ClientSession() as session:
        body = await _post(session, f"{server.base_url}999:WRONG/getMe")
        assert body == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        body = await _post(session, f"{api}/noSuchMethod")
        assert body["error_code"] == 404
        body = await _post(session, f"{api}/getMe")
        assert body["result"]["is_bot"] is True

        gil = server.user(1007, first_name="Gil")
        markup = '{"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}'
        form_fields = {"chat_id": "1007", "text": "123", "reply_markup": markup}
        body = await _post(session, f"{api}/sendMessage", data=form_fields)
        assert body["result"]["text"] == "123" and body["result"]["reply_markup"]["inline_keyboard"]
        body = await _post(session, f"{api}/sendMessage", json={"chat_id": 1007, "text": "json"})
        assert body["result"]["message_id"] == 2
        form = aiohttp.FormData()
        form.add_field("chat_id", "1007")
        form.add_field("document", b"bytes!", filename="a.bin", content_type="application/octet-stream")
        body = await _post(session, f"{api}/sendDocument", data=form)
        file_id = body["result"]["document"]["file_id"]
        body = await _post(session, f"{api}/getFile", json={"file_id": file_id})
        async with session.get(f"{server.base_file_url}{server.token}/{body['result']['file_path']}") as resp:
            assert await resp.read() == b"bytes!"
        assert [a.method for a in gil.pending()] == ["sendMessage", "sendMessage", "sendDocument"]

        server.fail_next("getMe", status=429, retry_after=7)
        body = await _post(session, f"{api}/getMe")
        assert body["error_code"] == 429 and body["parameters"] == {"retry_after": 7}


async def test_long_polling(server: FakeBotApi) -> None:
    api = f"{server.base_url}{server.token}"
    hal = server.user(1008, first_name="Hal")
    async with aiohttp.ClientSession() as session:
        started = time.monotonic()
        body = await _post(session, f"{api}/getUpdates", json={"timeout": 0.3})
        assert body["result"] == [] and time.monotonic() - started >= 0.25

        await hal.send("one")
        await hal.send("two")
        started = time.monotonic()
        body = await _post(session, f"{api}/getUpdates", json={"timeout": 5, "limit": 1})
        assert time.monotonic() - started < 0.5
        assert [u["message"]["text"] for u in body["result"]] == ["one"]
        first_id = body["result"][0]["update_id"]
        body = await _post(session, f"{api}/getUpdates", json={"offset": first_id})
        assert len(body["result"]) == 2  # not acknowledged yet
        body = await _post(session, f"{api}/getUpdates", json={"offset": first_id + 2})
        assert body["result"] == [] and server.pending_update_count == 0

        async def later() -> None:
            await asyncio.sleep(0.2)
            await hal.send("three")

        task = asyncio.create_task(later())
        started = time.monotonic()
        body = await _post(session, f"{api}/getUpdates", json={"offset": first_id + 2, "timeout": 5})
        assert 0.15 < time.monotonic() - started < 2
        assert body["result"][0]["message"]["text"] == "three"
        await task


async def test_more_methods_with_a_bare_bot(server: FakeBotApi) -> None:
    zed = server.user(1009, first_name="Zed", language_code="en")
    staff = server.chat(-100999, title="Staff")
    async with Bot(server.token, base_url=server.base_url, base_file_url=server.base_file_url) as bot:
        keyboard = ReplyKeyboardMarkup([["中文", "English"]], one_time_keyboard=True)
        menu = await bot.send_message(zed.id, "Language?", reply_markup=keyboard)
        assert menu.reply_markup is None  # Telegram only echoes inline keyboards
        assert zed.chat.reply_keyboard == [["中文", "English"]]
        pressed = await zed.press("English")
        assert zed.chat.reply_keyboard is None

        photo = await bot.send_photo(zed.id, b"\x89PNG fake", caption="<i>pic</i>", parse_mode="HTML")
        assert photo.caption == "pic"
        file = await bot.get_file(photo.photo[-1].file_id)
        assert bytes(await file.download_as_bytearray()) == b"\x89PNG fake"

        copied = await bot.copy_message(staff.id, zed.id, pressed["message_id"])
        forwarded = await bot.forward_message(staff.id, zed.id, pressed["message_id"])
        assert forwarded.forward_origin is not None and forwarded.text == "English"
        assert [(a.method, a.message_id, a.text) for a in staff.pending()] == [
            ("copyMessage", copied.message_id, "English"),
            ("forwardMessage", forwarded.message_id, "English"),
        ]
        assert [a.method for a in zed.pending()] == ["sendMessage", "sendPhoto"]

        for text in ("a", "b", "c"):
            await zed.send(text)
        updates = await bot.get_updates(offset=-1)  # negative offset: forget all but the last
        assert [u.message.text for u in updates if u.message] == ["c"]
        assert server.pending_update_count == 1
        assert await bot.delete_message(zed.id, menu.message_id)
        assert [a.method for a in zed.pending()] == ["deleteMessage"]
        assert menu.message_id not in [m["message_id"] for m in zed.messages]
