"""Messages typed in pinyin are read as the knowledge base's words; English and names are not."""

from __future__ import annotations

import pytest

from knowledge.pinyin_input import PinyinInput, split_syllables

WORDS = ["联系人", "电话", "多少", "入库", "申报", "截止", "几号", "实际", "知识", "项目", "投资", "万元"]


@pytest.fixture(scope="module")
def pinyin() -> PinyinInput:
    return PinyinInput(WORDS)


def test_a_word_splits_into_its_syllables():
    assert split_syllables("shenbaoshu") == ["shen", "bao", "shu"]
    assert split_syllables("apply") is None


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("lianxiren dianhua duoshao", "联系人电话多少"),
        # a word typed whole is never cut (jiezhi shi is no 知识); the asking words close it
        ("ruku shenbao jiezhi shi ji hao", "入库申报截止几号"),
        # the figure's unit right after it
        ("项目 touzi 300wan", "项目 投资 300万"),
        # one syllable typed beside a character: the character that makes a known word with it
        ("ru库申报截zhi几号", "入库申报截止几号"),
    ],
)
def test_pinyin_is_read_as_known_words(pinyin: PinyinInput, typed: str, read: str):
    assert pinyin.to_chinese(typed) == read


@pytest.mark.parametrize(
    "typed",
    [
        "Can we apply for the 5G direction?",
        "women-owned firm: can we apply?",  # women is pinyin, the rest is English
        "MES ERP",
        "Hang Seng",  # pinyin, but no known word
        "app里能看吗",  # no syllable beside the character
        "de的",  # a syllable, but no known word with its neighbour
    ],
)
def test_english_and_names_stay_as_typed(pinyin: PinyinInput, typed: str):
    assert pinyin.to_chinese(typed) == typed


def test_initials_the_spoken_shei_and_a_figures_letter_are_read():
    pinyin = PinyinInput([*WORDS, "谁", "由谁", "完工"], {"sb": "申报", "jz": "截止"})
    # the initials' spaces go with them: one clause, as if typed in characters
    assert pinyin.to_chinese("ruku sb jz是几号啊") == "入库申报截止是几号啊"
    assert pinyin.to_chinese("ruku shenbao you shei") == "入库申报由谁"
    assert pinyin.to_chinese("5g xiangmu ba yue di wan gong") == "5g 项目八月底完工"


def test_words_of_other_things_are_read_only_where_no_own_word_sounds_the_same():
    pinyin = PinyinInput(["附件", "补贴", "比例", "多少"], others=["福建", "技改"])
    assert pinyin.to_chinese("fujian") == "附件"
    assert pinyin.to_chinese("jigai butie bili duoshao") == "技改补贴比例多少"


def test_little_words_are_kept_between_known_words():
    pinyin = PinyinInput(["附件", "外地", "注册", "公司", "可以", "申报"])
    assert pinyin.to_chinese("fujian ji he fujian ji") == "附件几和附件几"
    assert pinyin.to_chinese("waidi zhuce de gongsi keyi shenbao ma") == "外地注册的公司可以申报吗"
    assert pinyin.to_chinese("de shenbao") == "申报"  # nothing before it to join
    # the syllables of a word typed whole are no little words (deadine is no de a di ne)
    assert PinyinInput(["验收"]).to_chinese("yanshou deadine") == "yanshou deadine"
