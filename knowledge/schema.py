"""Pydantic schema of the knowledge base: the notice as data, the FAQ built on it, the search lexicon.

Every model forbids unknown fields, so a typo in a YAML key is an error naming the field, not a
silently ignored value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from knowledge.normalize import simplify

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

# A clause reference as a notice numbers it: a section, optionally with an item in brackets.
# Which sections there are is the notice's own (notice.yaml `sections`): checked across the files.
CLAUSE_PATTERN = re.compile(r"^([^()\s]+)(?:\(([一二三四五六七八九十]+)\))?$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """One piece of text in both languages: Chinese as the notice writes it, English translated."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


class TextList(Strict):
    zh: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)

    def get(self, lang: Lang) -> list[str]:
        return self.zh if lang == "zh" else self.en


class Clause(Strict):
    clause: str

    @field_validator("clause")
    @classmethod
    def _known_clause(cls, value: str, info: ValidationInfo) -> str:
        match = CLAUSE_PATTERN.match(value)
        if not match:
            raise ValueError(f"not a clause: {value!r} (a section of the notice, or section(item))")
        # loaded beside a notice, a clause names one of its sections (the loader passes them)
        sections = (info.context or {}).get("sections")
        if sections is not None and match.group(1) not in sections:
            raise ValueError(f"not a clause of the notice: {value!r} (sections: {', '.join(sections)})")
        return value

    @property
    def section(self) -> str:
        """The section the clause is in: its label without the item."""
        match = CLAUSE_PATTERN.match(self.clause)
        return match.group(1) if match else self.clause


class NoticeInfo(Strict):
    number: str
    title: Text
    issuer: Text
    date: dt.date
    addressees: Text
    policy_basis: Text
    purpose: Text
    publication: Text
    # how the round is named when it has closed: "2031年度" / "2031"
    round: Text | None = None


class Tier(Strict):
    """One step of a fixed-amount schedule: a base of at least `from_yuan` gets `amount_yuan`."""

    from_yuan: int = Field(ge=0)
    amount_yuan: int = Field(ge=0)


class Funding(Clause):
    # the figure the amount is worked out on: one of the formula's figures (the pack's rules)
    base: str = Field(pattern=r"^[a-z_]+$")
    # a share of the base (0.1 = 10%) up to the cap, or a fixed amount by the base's size (tiers)
    rate: float | None = Field(default=None, gt=0, le=1)
    tiers: list[Tier] = []
    cap_yuan: int = Field(gt=0)
    rule: Text
    weighs_quality: bool = False

    @model_validator(mode="after")
    def _rate_or_tiers(self) -> Funding:
        if (self.rate is None) == (not self.tiers):
            raise ValueError("give either rate or tiers")
        starts = [t.from_yuan for t in self.tiers]
        if starts != sorted(set(starts)):
            raise ValueError("tiers must start at rising from_yuan")
        if any(t.amount_yuan > self.cap_yuan for t in self.tiers):
            raise ValueError("a tier's amount_yuan is above cap_yuan")
        return self

    def share(self, base: Decimal) -> Decimal:
        """The amount before the cap: the rate's share, or the fixed amount of the base's tier."""
        if self.rate is not None:
            return (base * Decimal(str(self.rate))).quantize(Decimal("0.01"), ROUND_HALF_UP)
        return self.tier(base)[1]

    def tier(self, base: Decimal) -> tuple[Tier | None, Decimal]:
        """The tier the base reaches (None below the first) and its fixed amount."""
        reached = [t for t in self.tiers if base >= t.from_yuan]
        return (reached[-1], Decimal(reached[-1].amount_yuan)) if reached else (None, Decimal(0))


class Direction(Clause):
    id: str
    number: int = Field(ge=1, le=9)
    name: Text
    short: Text
    scope: Text
    scenarios: TextList
    applicant: Text
    funding: Funding
    # where the funding clause wants the project (在我市部署); None when it names no place
    place: Text | None = None


class Criterion(Clause):
    id: str
    text: Text
    # the dates the criterion names (a construction window), written once: the check's rules and
    # its date question refer to it by the criterion's id
    window: tuple[dt.date, dt.date] | None = None
    # the most projects one enterprise may apply for, when the criterion sets it (单个企业最多申请2个项目)
    most_projects: int | None = None


class Attachment(Strict):
    number: int = Field(ge=1)
    title: Text


class Stage(Clause):
    id: str
    name: Text
    deadline: dt.date | None = None
    what: Text
    attachments: list[int] = []
    paper_copies: int | None = None
    # the attachments the paper copies are of, when the notice names them (附件3 at entry); none: all
    paper_copies_of: list[int] = []
    submit_to: Text | None = None


class Requirement(Clause):
    id: str
    text: Text


class Contact(Strict):
    name: Text
    phone: str


class Contacts(Clause):
    people: list[Contact] = Field(min_length=1)
    phone: str


class Jurisdiction(Strict):
    id: str
    name: Text
    # what people call it besides its name and its name without 县/区/市 (韶关高新区: 高新区)
    also_said: list[str] = []


class Notice(Strict):
    """<pack>/notice.yaml: the whole notice, structured."""

    notice: NoticeInfo
    # how a clause is named when cited: 一..五 → section titles; 附件, 联系人 … → their own label
    sections: dict[str, Text] = Field(min_length=1)
    directions: list[Direction] = Field(min_length=1)
    eligibility: list[Criterion]
    jurisdictions: list[Jurisdiction]
    support_method: Requirement
    stages: list[Stage]
    requirements: list[Requirement]
    attachments: list[Attachment]
    contacts: Contacts

    @property
    def construction_window(self) -> Criterion | None:
        """The criterion that sets the dates a project is built in (五(三)), if the notice has one."""
        return next((c for c in self.eligibility if c.window is not None), None)

    @model_validator(mode="after")
    def _clauses_are_sections(self) -> Notice:
        """Every clause cited names one of the notice's own sections."""
        cited: list[Clause] = [
            *self.directions,
            *(d.funding for d in self.directions),
            *self.eligibility,
            self.support_method,
            *self.stages,
            *self.requirements,
            self.contacts,
        ]
        unknown = sorted({c.clause for c in cited if c.section not in self.sections})
        if unknown:
            raise ValueError(f"clauses {unknown} name no section of `sections` ({', '.join(self.sections)})")
        return self

    @model_validator(mode="after")
    def _attachments_exist(self) -> Notice:
        known = {a.number for a in self.attachments}
        for stage in self.stages:
            missing = set(stage.attachments) - known
            if missing:
                raise ValueError(f"stage {stage.id!r} names unknown attachments {sorted(missing)}")
        return self


class Entry(Clause):
    """One FAQ entry: an answer and the ways users ask for it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: Text
    answer: Text
    questions: TextList
    keywords: TextList
    overview: bool = False


class Faq(Strict):
    """<pack>/faq.yaml."""

    entries: list[Entry] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Faq:
        seen: set[str] = set()
        for entry in self.entries:
            if entry.id in seen:
                raise ValueError(f"duplicate entry id {entry.id!r}")
            seen.add(entry.id)
        return self


class Lexicon(Strict):
    """<pack>/lexicon.yaml: how users say things, and what is plainly outside the notice."""

    # colloquial or variant form -> canonical form used in the FAQ (applied after normalisation)
    synonyms: dict[str, str]
    # a phrase said in too many ways to list (现在还能不能入库, 2024年了还能按这个通知报吗): a regular
    # expression over the simplified text -> canonical form, applied before the synonyms
    phrase_patterns: dict[str, str] = {}
    # the notice's terms typed in English inside a Chinese message (我们的project, city能match多少):
    # English word or phrase -> the Chinese term it stands for
    mixed_english: dict[str, str] = {}
    # pinyin initials typed for a word (sb 申报, jz 截止, gxj 工信局): initials -> the word
    pinyin_initials: dict[str, str] = {}
    # words that carry no meaning for matching
    stopwords: list[str]
    # words that, when present, mark a question as being about something else (topics, other years)
    out_of_scope: list[str]
    # an out-of-scope word followed by one of these is who said something (our consultant says …)
    relay_words: list[str] = []
    # a project said to be elsewhere (部署在广州, 在外地开展): places without a name, the words
    # that put a project somewhere, and the criterion that ties the applicant to the jurisdiction
    elsewhere_words: list[str] = []
    project_place_words: list[str] = []
    home_words: list[str] = []  # the notice's own place (韶关, 我市): a project there is not elsewhere
    place_criterion: str = ""
    # other cities: outside the notice, unless the question asks whether a firm from there may apply
    other_places: list[str] = []
    applicant_from_elsewhere: list[str] = []
    # a place followed by these words asks about that place's own policy (深圳市的补贴标准)
    place_policy_words: list[str] = []
    # a whole message that is only a greeting or thanks
    # words naming what is asked (amount, date, materials …): they weigh double
    intent_words: list[str] = []
    # asking which direction a project fits: without a direction's own words, all are shown
    which_direction: list[str] = []
    # what a which-direction word asks which of when one of these follows it (属于哪个部门, 曲江属于
    # 哪个区): that other thing, not a direction
    which_other_things: list[str] = []
    # naming every direction at once (四个方向, each direction): each one's own answer
    all_directions: list[str] = []
    # comparing what is asked across directions (哪个补得多, 一样吗, higher): each one's own answer
    comparison_words: list[str] = []
    # the intent words that ask for an amount (a cap, a rate, how much)
    amount_intents: list[str] = []
    # the intent words that ask for a deadline (a date offered beside them is checked against it)
    deadline_intents: list[str] = []
    # asking how long between two dates (隔了多久, how many days between) and the words naming the
    # notice's own date (通知发出): the span between the dates named is worked out
    span_words: list[str] = []
    issue_words: list[str] = []
    # taking a question back in the same message (算了, never mind): what follows is what is asked
    retractions: list[str] = []
    # asking for a text to be written or summed up for someone (帮我写一句, 一句话跟老板说, in plain
    # English): the facts it would carry are what is asked beside it
    writing_requests: list[str] = []
    # words after a number of days the user counted that ask to check it (87天对吧, 6 days, right?)
    span_checks: list[str] = []
    # asking what a date the message names is (六月十号是什么日子, what happens on July 8): the
    # notice's events on that day are told
    date_meaning_words: list[str] = []
    greetings: list[str]
    thanks: list[str]
    # replies the search gives when it has no entry (zh/en)
    replies: dict[str, Text]
    # understanding a message: what it is about (direction and stage ids of notice.yaml → the
    # words that name them), and the words that give a user's figure its role
    topics: dict[str, list[str]] = {}
    # (the roles are the formula's figures of the pack's rules, and `claim`: a figure offered to confirm)
    figure_roles: dict[str, list[str]] = {}
    # the parts a role's figure is made of (the investment's equipment, software …): figures said
    # of parts are added up into it
    figure_parts: dict[str, list[str]] = {}
    # a part of a figure said with these words is one the rules do not count (与项目无关, 建设期外)
    figure_exclusions: dict[str, list[str]] = {}
    # a role that may be said as a share of another (省里按20%补了, of the investment): role → whole
    figure_shares: dict[str, str] = {}
    # asking the sum of several projects' amounts (市里合计能拿多少): each worked from its own figure,
    # their total is said
    total_words: list[str] = []
    # asking whether the support goes past the investment (省里补了50万，再加市里5万，超了没): the
    # worked amount shows the total against the investment (the ceiling of the pack's formula)
    ceiling_asks: list[str] = []
    # asking what share of the investment the city's amount is (占总投资的百分之几): the worked amount
    # says it, when the investment is given
    investment_share_asks: list[str] = []
    # the story does or applies for what is named right after these (想申请发明专利): a question of
    # everyday words after it asks about that thing
    doing_words: list[str] = []
    # asking what it takes to reach a direction's cap (上云项目想拿满100万，省级资金至少要多少):
    # the base that reaches it is worked out from the rate
    cap_reach_words: list[str] = []
    # "we did not get the funds a direction's amount is based on": that amount is then 0
    no_base_funds: list[str] = []
    # a percentage in a clause naming one of these measures the enterprise's own project
    # (良品率从92%提升到99%), not a rate offered for the subsidy (是按20%配套吗)
    own_measures: list[str] = []
    # other programmes, years' rounds and bodies: outside the notice wherever they appear in a message
    other_programmes: list[str] = []
    # a higher body (the province, the ministry) with one of its programme words, in a message
    # that says nothing of the funds this notice matches (`matching_words`): that body's own programme
    other_bodies: list[str] = []
    # words that contain a body's name but name something else (工信部门: a local department)
    not_bodies: list[str] = []
    # the notice's own bodies (工信局, the local bureau): another body offered beside one of them as
    # a choice (交县工信局还是县发改局) is no question about that other body
    own_bodies: list[str] = []
    # asked right after a higher body's funds (省里的专项资金怎么申请, 省级专项资金什么时候到账): the
    # question is about those funds themselves (how to apply, templates, rates, payment), not
    # about this notice's matching
    body_funds_questions: list[str] = []
    # a county or district of the notice's jurisdiction followed by these: its own policy
    local_policy_words: list[str] = []
    # a local bureau named without its place (县工信局): read like a named county's own bureau
    local_bodies: list[str] = []
    # asking how two things differ (有什么区别, difference between): with none of the notice's
    # topics nor `notice_things` named, a general question (工业互联网和物联网有什么区别)
    general_comparisons: list[str] = []
    notice_things: list[str] = []
    # asking for a task done on words or figures (翻译, translate into Chinese, 用英文怎么说, 除以):
    # the message is that request, whatever of the notice the words to work on name
    task_requests: list[str] = []
    # asking a detail of the notice's own steps that it never gives (多久能到账, 验收专家有几个人,
    # 承诺书有没有范本): when every question asks such a detail (or something outside), the reply
    # says the notice does not state it and offers the related clause — no entry answers it
    unstated_details: list[str] = []
    # the rule makers' reasons and deliberations (怎么测算, 有没有参考别的城市, internal reasoning):
    # the notice states its rules, never how they were decided; asked beside only why-questions
    # (why_words), the reply says the notice does not state it and offers the rule's clause
    reasons_behind_rules: list[str] = []
    why_words: list[str] = []
    # the same said as regular expressions, for details asked in many wordings: how many days a
    # step takes (初步意见一般要几天, 多少个工作日到账)
    unstated_patterns: list[str] = []
    # technologies the notice names without explaining them (边缘计算, 5G, 数字化): a question asking
    # only what one of them is (什么是边缘计算) gets the `unstated` reply too
    named_terms: list[str] = []
    # a year other than the notice's, followed closely by one of these: another year's round
    round_words: list[str] = []
    body_programme_words: list[str] = []
    matching_words: list[str] = []
    # the city's own matching (市级配套): a question about a higher body's funds that names it is
    # about the matching (省级专项资金批下来后市级配套怎么申请)
    city_matching_words: list[str] = []
    # the notice recommends good projects to the higher bodies: said before a body, it is that clause
    recommended_to: list[str] = []
    # kinds of firm (软件公司, 制造企业): a message naming one beside a direction asks whether that
    # kind applies for it, so the direction's applicant is said
    applicant_kinds: list[str] = []
    # which kind of firm applies (上云项目是哪类企业报, what kind of company applies): asked beside a
    # direction, the direction's applicant is said
    applicant_asks: list[str] = []
    # the directions whose applicant is that kind of firm (软件: direction 2's 软件和信息服务企业):
    # a firm saying it is of the kind and asking which direction fits it is answered with them
    kind_directions: dict[str, list[str]] = {}
    # asking whether a thing counts as investment or may be paid with the subsidy (云服务器年费算不算
    # 项目投资): the notice's rule answers it, whatever the thing is, even one outside the notice;
    # regular expressions searched in the simplified question
    counting_patterns: list[str] = []
    # asking whether what the story tells fits this notice at all (光伏电站…能报这个项目吗, does that
    # count under this notice): when the story's thing is outside the notice, the directions answer
    fits_notice_patterns: list[str] = []
    # a statement offered for confirmation ("是不是也是50万封顶"): checked against the notice
    premise_markers: list[str] = []
    # 一共三个方向对吧, 哪几类封顶100万？我以为只有5G: the set of directions asked, some guessed
    direction_set_words: list[str] = []
    # a short message that leans on the previous question ("那第二个方向呢", "what about …")
    followup_markers: list[str] = []
    # words that say nothing of their own in a follow-up ("还有呢", "那其他的呢"): choices are offered
    vague_words: list[str] = []
    # words that begin like a follow-up marker but are not one ("那个表格")
    followup_exceptions: list[str] = []
    # a short message asking for a person (转人工, talk to a human): it opens a case, as the button does
    person_requests: list[str] = []
    # everyday asking words any subsidy question shares (申请, 多少, 条件 …): a question made only of
    # them is about whatever the story names, and when that is something else, so is the question
    generic_words: list[str] = []
    # asking for paperwork (要准备什么材料): everyday asking too, when the question names something
    # the knowledge base never speaks of (续期, 开户) or the story does an outside thing (变更法定代表人)
    paperwork_words: list[str] = []
    # a story's outside thing is a support of its own when one of these follows it (社保补贴); a
    # generic question asking to apply (能申报吗) is about the notice unless the story names one
    support_words: list[str] = []
    # kinds of support the notice does not give (贷款, loan): offered as a choice for its own
    # support (这笔钱是贷款还是补助), they ask how it supports
    other_support_kinds: list[str] = []
    # another body's rating or levy (纳税信用等级, 环保信用评价): no condition of the notice names it
    other_checks: list[str] = []
    # a firm's standing another body grants (高新技术企业, 专精特新, 规上企业): asked whether applying
    # needs it, the notice's conditions are said and that it is not among them
    firm_statuses: list[str] = []
    apply_words: list[str] = []
    # a place's own programme right after its name (清远市今年…): that place's round, whoever asks
    place_programme_words: list[str] = []
    # the word that asks what a claimed number of copies is checked against (一式三份就够了吧 → 份数)
    copies_intent: str = ""
    # the word that asks what a rate offered for confirmation is checked against (市里给20%吧 → 比例)
    rate_intent: str = ""
    # the word that asks who does something, when a body is offered for confirmation (省里发的吧 → 谁)
    body_intent: str = ""
    # the words that ask how the notice supports, when another kind of support is offered as a
    # choice beside its own (是贷款贴息还是补助 → 支持方式)
    support_method_intent: str = ""
    # what a cost asked bare whether it counts is counted as (员工培训费算吗 → 项目投资), when the
    # words that ask it name nothing the search knows
    counted_as: str = ""
    # this notice pointed at (这个通知, 本通知, 91号文): a year or a body offered for it, or a choice
    # of years, asks the notice's own date and issuer (这是2023年的通知吧, 这个文是发改委发的吧)
    notice_refs: list[str] = []
    # the notice called by its own name (工业互联网, 这个通知, this notice): an ask naming it is the
    # notice's own, whatever else the message tells
    notice_names: list[str] = []
    # the word that asks when and by whom the notice was issued
    issue_intent: str = ""
    # what a project that already has another programme's money asks when it asks to apply (已经拿过
    # 技改补贴，还能申请吗 → the cap on all support together)
    other_support_intent: str = ""

    @field_validator("phrase_patterns", "unstated_patterns", "counting_patterns", "fits_notice_patterns")
    @classmethod
    def _patterns_compile(cls, value: Iterable[str]) -> Iterable[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a regular expression: {exc}") from exc
        return value

    @field_validator("replies")
    @classmethod
    def _required_replies(cls, value: dict[str, Text]) -> dict[str, Text]:
        missing = {"greeting", "thanks", "unsure", "outside", "empty", "source"} - set(value)
        if missing:
            raise ValueError(f"missing replies: {sorted(missing)}")
        return value

    def unstated_matchers(self) -> list[tuple[str, re.Pattern[str]]]:
        """Every detail the notice never gives, words and patterns alike, as (where the lexicon
        lists it, a pattern to search simplified text with)."""
        words = [
            (f"unstated_details[{i}]", re.compile(re.escape(simplify(word))))
            for i, word in enumerate(self.unstated_details)
            if word
        ]
        patterns = [(f"unstated_patterns[{i}]", re.compile(p)) for i, p in enumerate(self.unstated_patterns)]
        return words + patterns

    @model_validator(mode="after")
    def _unstated_has_its_reply(self) -> Lexicon:
        listed = self.unstated_details or self.unstated_patterns or self.named_terms
        if listed and "unstated" not in self.replies:
            raise ValueError("details the notice never gives are listed but replies has no 'unstated' reply")
        return self


class NoticeTexts(Strict):
    """<pack>/texts.yaml: the notice's own wording in the UI, by the UI catalogs' message ids (the
    catalogs keep only words that hold for any notice)."""

    texts: dict[str, Text]

    @field_validator("texts")
    @classmethod
    def _message_ids(cls, value: dict[str, Text]) -> dict[str, Text]:
        bad = [k for k in value if not re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", k)]
        if bad:
            raise ValueError(f"not message ids such as result.note_final_amount: {bad}")
        return value
