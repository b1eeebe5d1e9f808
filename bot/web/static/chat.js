// The web chat page: renders the session's messages (text as text, or the server's sanitised
// <b>/<i> markup), sends typed text and taps, and follows the event stream, replaying what it
// missed after a reconnect. No inline script: the page's CSP forbids it.
"use strict";

(function () {
  // the page's own words, in the session's language: the browser's at first, then the one the
  // server names in Content-Language (it changes with /lang or the language buttons)
  const LABELS = {
    zh: { bot: "助手", staff: "工作人员", you: "我", offline: "连接中断，正在重新连接…", failed: "发送失败，请重试。",
          stale: "这个按钮已过期，请使用最新的消息。", busy: "请求太频繁，请稍候再试。",
          htmlLang: "zh-CN", title: "申报咨询助手", lang: "中文 / EN", forget: "删除我的数据", settings: "设置",
          textLabel: "输入问题", placeholder: "输入问题，例如：入库申报什么时候截止？", send: "发送" },
    en: { bot: "Assistant", staff: "Staff", you: "You", offline: "Connection lost, reconnecting…",
          failed: "Could not send; please try again.", stale: "That button has expired; use the latest message.",
          busy: "Too many requests; please wait a moment.",
          htmlLang: "en", title: "Notice assistant", lang: "Language 语言", forget: "Delete my data",
          settings: "Settings", textLabel: "Type a question",
          placeholder: "Type a question, e.g. When is the entry deadline?", send: "Send" },
  };
  let lang = null;
  let UI = LABELS.zh;

  function useLanguage(next) {
    if (next !== "zh" && next !== "en") return;
    if (next === lang) return;
    lang = next;
    UI = LABELS[next];
    document.documentElement.lang = UI.htmlLang;
    document.getElementById("title").textContent = UI.title;
    document.getElementById("lang").textContent = UI.lang;
    document.getElementById("forget").textContent = UI.forget;
    document.querySelector("nav.actions").setAttribute("aria-label", UI.settings);
    document.getElementById("text-label").textContent = UI.textLabel;
    document.getElementById("text").placeholder = UI.placeholder;
    document.getElementById("send").textContent = UI.send;
    document.querySelectorAll("#log article.msg").forEach(function (item) {
      const who = item.querySelector(".who");
      if (who) who.textContent = whoLabel(item.classList.contains("user") ? "user" : item.classList.contains("staff") ? "staff" : "bot");
    });
  }

  function whoLabel(from) { return from === "user" ? UI.you : from === "staff" ? UI.staff : UI.bot; }

  // "en", "en-US", "zh-CN" → en or zh; anything else leaves the page as it is
  function languageOf(response) {
    const header = (response && response.headers.get("Content-Language")) || "";
    const code = header.split(",")[0].trim().toLowerCase().split("-")[0];
    return code === "en" || code === "zh" ? code : null;
  }

  useLanguage(/^en/i.test(navigator.language || "zh") ? "en" : "zh");

  const log = document.getElementById("log");
  const status = document.getElementById("status");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const shown = new Map(); // message id -> element
  let lastId = 0;
  let source = null;

  function say(text) { status.textContent = text || ""; }

  // the server's html holds only <b> and <i> around escaped text; anything else becomes text
  function richText(parent, html, text) {
    if (typeof html !== "string" || html === "") { parent.appendChild(document.createTextNode(text)); return; }
    const doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    (function copy(from, to) {
      from.childNodes.forEach(function (node) {
        if (node.nodeType === Node.TEXT_NODE) {
          to.appendChild(document.createTextNode(node.textContent));
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          const tag = node.tagName.toLowerCase();
          const keep = tag === "b" || tag === "i" ? document.createElement(tag) : document.createDocumentFragment();
          copy(node, keep);
          to.appendChild(keep);
        }
      });
    })(doc.body, parent);
  }

  function build(message) {
    const item = document.createElement("article");
    item.className = "msg " + (message.from === "user" ? "user" : message.from === "staff" ? "staff" : "bot");
    item.dataset.id = String(message.id);
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = whoLabel(message.from);
    item.appendChild(who);
    const body = document.createElement("div");
    richText(body, message.html, message.text);
    item.appendChild(body);
    if (Array.isArray(message.buttons) && message.buttons.length) {
      const group = document.createElement("div");
      group.className = "buttons";
      group.setAttribute("role", "group");
      message.buttons.forEach(function (row) {
        const line = document.createElement("div");
        line.className = "row";
        row.forEach(function (button) {
          const b = document.createElement("button");
          b.type = "button";
          b.textContent = button.label;
          b.addEventListener("click", function () { tap(message.id, button.data, group); });
          line.appendChild(b);
        });
        group.appendChild(line);
      });
      item.appendChild(group);
    }
    return item;
  }

  function show(message) {
    if (!message || typeof message.id !== "number" || shown.has(message.id)) return;
    const item = build(message);
    const old = message.replaces != null ? shown.get(message.replaces) : null;
    const hadFocus = old && old.contains(document.activeElement);
    if (old && old.parentNode) {
      old.replaceWith(item);
    } else {
      let before = null;
      for (const [id, element] of shown) { if (id > message.id && element.parentNode && (!before || id < Number(before.dataset.id))) before = element; }
      log.insertBefore(item, before);
    }
    shown.set(message.id, item);
    lastId = Math.max(lastId, message.id);
    if (hadFocus) { const first = item.querySelector("button") || log; first.focus(); }
    log.scrollTop = log.scrollHeight;
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(body || {}),
    });
    useLanguage(languageOf(response));
    if (response.status === 429) { say(UI.busy); return null; }
    if (response.status === 404 || response.status === 409) { say(UI.stale); return null; }
    if (!response.ok) { say(UI.failed); return null; }
    say("");
    const data = await response.json();
    (data.messages || []).forEach(show);
    return data;
  }

  async function tap(messageId, data, group) {
    group.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    try {
      await post("/api/tap", { message_id: messageId, data: data });
    } catch (e) {
      say(UI.failed);
    } finally {
      group.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
    }
  }

  async function send(text) {
    try {
      await post("/api/message", { text: text });
      return true;
    } catch (e) {
      say(UI.failed);
      return false;
    }
  }

  function listen() {
    if (source) source.close();
    source = new EventSource("/api/events?after=" + lastId);
    source.addEventListener("message", function (e) {
      try { show(JSON.parse(e.data)); } catch (err) { /* a malformed event is skipped */ }
    });
    source.addEventListener("open", function () { say(""); });
    source.addEventListener("error", function () {
      say(UI.offline);
      if (source.readyState === EventSource.CLOSED) setTimeout(listen, 3000); // gave up: start again
    });
  }

  form.addEventListener("submit", async function (e) {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    if (!(await send(text))) input.value = text;
    input.focus();
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit(); }
  });
  input.addEventListener("focus", function () { setTimeout(function () { input.scrollIntoView({ block: "end" }); }, 300); });
  document.getElementById("lang").addEventListener("click", function () { send("/lang"); });
  document.getElementById("forget").addEventListener("click", function () { send("/forget"); });

  async function begin() {
    try {
      const response = await fetch("/api/history?after=0", { credentials: "same-origin" });
      useLanguage(languageOf(response));
      const data = response.ok ? await response.json() : { messages: [] };
      (data.messages || []).forEach(show);
      if (!shown.size) await post("/api/start", {});
    } catch (e) {
      say(UI.failed);
    }
    listen();
  }
  begin();
})();
