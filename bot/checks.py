"""The guided check and the lead form: flows run by the engine, stored after every answer.

Transport-free like the Assistant: it takes user ids, texts and button data, and returns Replies.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from bot.export import LeadSheet
from bot.i18n import use_notice_texts
from bot.storage import Storage, now_iso
from conversations import actions as act
from conversations.eligibility import Assessment, Rules, evaluate, load_rules
from conversations.engine import FlowEngine, Session, Tap, Text
from conversations.flow import load_flow
from conversations.markup import escape
from conversations.reply import Button, Reply
from conversations.report import render_result
from conversations.texts import Texts
from knowledge.loader import KnowledgeBase
from knowledge.pack import flows_dir, rules_dir

CHECK, LEAD = "eligibility", "lead"


class Checks:
    def __init__(self, kb: KnowledgeBase, storage: Storage, today: Callable[[], dt.date]) -> None:
        self.kb = kb
        # the notice's own wording in the UI comes from the same pack
        use_notice_texts(kb.texts)
        self.storage = storage
        self.today = today
        # the flows and rules of the same notice pack as the knowledge base, loaded once
        self.rules: Rules = load_rules(CHECK, rules_dir(kb.root))
        # steps asked only on some days read the notice's deadlines
        stage_deadlines = {s.id: s.deadline for s in kb.notice.stages if s.deadline is not None}
        flows = flows_dir(kb.root)
        self.engines = {
            CHECK: FlowEngine(load_flow(CHECK, flows, kb.notice), self._check_result, today, stage_deadlines),
            LEAD: FlowEngine(load_flow(LEAD, flows, kb.notice), self._lead_saved, today),
        }
        self.sheet = LeadSheet(
            self.engines[CHECK].flow, self.rules.formula.direction, tuple(self.rules.export)
        )

    # sessions ---------------------------------------------------------------------------------
    def load(self, user_id: str, flow: str) -> Session | None:
        state = self.storage.load_session(user_id, flow)
        return Session.from_dict(state) if state else None

    def _save(self, user_id: str, session: Session, *, active: bool = True, event: str | None = None) -> None:
        self.storage.save_session(user_id, session.flow_id, session.to_dict(), active=active, event=event)

    def wants_text(self, user_id: str) -> bool:
        return self.storage.active_flow(user_id) in self.engines

    # entry points -----------------------------------------------------------------------------
    def start(self, user_id: str, tx: Texts, *, fresh: bool = False) -> Reply:
        """/check: a new check, or the choice to continue one left unfinished."""
        existing = self.load(user_id, CHECK)
        if existing and not existing.finished and existing.answers and not fresh:
            text = escape(tx.t("flow.in_progress", answered=len(existing.answers)))
            buttons = (
                (
                    Button(tx.t("flow.continue"), act.Do.CHECK_CONTINUE),
                    Button(tx.t("flow.restart"), act.Do.CHECK_RESTART),
                ),
            )
            return Reply(text, buttons)
        session, reply = self.engines[CHECK].start(tx, user_id)
        self._save(user_id, session)
        self.storage.log_event(user_id, "check_started")
        return reply

    def cancel(self, user_id: str, tx: Texts) -> Reply | None:
        """Drop the flow under way; None when there is none."""
        flow = self.storage.active_flow(user_id)
        if flow not in self.engines:
            return None
        self.storage.drop_session(user_id, flow)
        return Reply(escape(tx.t("flow.cancelled")))

    def text(self, user_id: str, tx: Texts, text: str, event_id: str | None = None) -> Reply:
        """A typed answer; `event_id` names the inbound event, so a redelivered one is not
        stored again as the answer to the next question."""
        flow = self.storage.active_flow(user_id) or CHECK
        if event_id is not None and self.storage.session_event(user_id, flow) == event_id:
            return self._replayed(user_id, flow, tx)
        return self._step(user_id, flow, Text(text), tx, event_id)

    def _replayed(self, user_id: str, flow: str, tx: Texts) -> Reply:
        """The answer was stored before a crash: say again what comes next, store nothing."""
        session = self.load(user_id, flow)
        if session is None:
            return self.start(user_id, tx)
        if session.finished and flow == LEAD:
            return self._lead_reply(session, tx)
        return self.engines[flow].resume(session, tx)

    def tap(self, user_id: str, tx: Texts, action: act.Action | str) -> Reply:
        """A button of the check, the lead form or the flow under way (`str`: its data)."""
        if isinstance(action, str):
            action = act.decode(action)
        assert act.for_flows(action), action
        match action:
            case act.Do.CHECK_RESTART:
                return self.start(user_id, tx, fresh=True)
            case act.Do.CHECK_CONTINUE:
                session = self.load(user_id, CHECK)
                if session is None:
                    return self.start(user_id, tx)
                self._save(user_id, session)
                return self.engines[CHECK].resume(session, tx)
            case act.Do.CHECK_START:
                return self.start(user_id, tx)
            case act.Do.FLOW_CANCEL:
                return self.cancel(user_id, tx) or Reply(escape(tx.t("flow.cancelled")))
            case act.Do.LEAD_START:
                check = self.load(user_id, CHECK)
                if check is None or not check.finished:
                    return Reply(
                        escape(tx.t("lead.need_check")), ((Button(tx.t("menu.check"), act.Do.CHECK_START),),)
                    )
                session, reply = self.engines[LEAD].start(tx, user_id)
                self._save(user_id, session)
                return reply
        # a button of whichever flow the user is in; editing answers and the result are the check's
        flow = self.storage.active_flow(user_id)
        editing = isinstance(action, act.FlowEdit) or action in (act.Do.FLOW_SUMMARY, act.Do.FLOW_RESULT)
        if flow not in self.engines or editing:
            flow = CHECK
        return self._step(user_id, flow, Tap(action), tx)

    def _step(
        self, user_id: str, flow: str, event: Text | Tap, tx: Texts, event_id: str | None = None
    ) -> Reply:
        session = self.load(user_id, flow)
        if session is None:
            return self.start(user_id, tx)
        was_finished = session.finished
        reply = self.engines[flow].step(session, event, tx)
        # a finished flow no longer takes the user's typing: free text goes to the questions again
        self._save(user_id, session, active=not session.finished, event=event_id)
        if flow == CHECK and session.finished and not was_finished:
            assessment = self.assess(session)
            amount = assessment.estimate.amount if assessment.estimate else None
            self.storage.log_event(user_id, "check_completed", f"{assessment.outcome.value}:{amount or 0}")
        return reply

    # results ----------------------------------------------------------------------------------
    def assess(self, session: Session) -> Assessment:
        return evaluate(self.rules, self.kb.notice, self.engines[CHECK].relevant_answers(session))

    def _check_result(self, session: Session, tx: Texts) -> Reply:
        return render_result(
            self.kb, self.rules.formula, self.engines[CHECK], session, self.assess(session), tx, self.today()
        )

    def _lead_saved(self, session: Session, tx: Texts) -> Reply:
        user_id = session.owner
        if session.answers.get("consent") != "agree":
            return Reply(escape(tx.t("lead.declined")))
        check = self.load(user_id, CHECK)
        answers = self.engines[CHECK].relevant_answers(check) if check else {}
        assessment = self.assess(check) if check else None
        estimate = assessment.estimate.amount if assessment and assessment.estimate else None
        formula = self.rules.formula
        self.storage.save_lead(
            {
                "user_id": user_id,
                "company": str(answers.get(formula.company, "")) if formula.company else "",
                "contact_name": session.answers["name"],
                "phone": session.answers["phone"],
                "consent_at": now_iso(),
                "direction": str(answers.get(formula.direction, "")),
                "verdict": assessment.outcome.value if assessment else "",
                "estimate_yuan": str(estimate) if estimate is not None else "",
                "facts": json.dumps(answers, ensure_ascii=False),
            }
        )
        return self._lead_reply(session, tx)

    def _lead_reply(self, session: Session, tx: Texts) -> Reply:
        if session.answers.get("consent") != "agree":
            return Reply(escape(tx.t("lead.declined")))
        name, phone = escape(session.answers["name"]), escape(session.answers["phone"])
        return Reply(tx.t("lead.saved", name=name, phone=phone))
