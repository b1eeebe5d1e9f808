"""The guided check end to end through the real Application, and across a restart."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.fake_bot_api import FakeBotApi
from tests.players import press, say


async def test_full_check_reports_verdict_estimate_next_steps(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(201, language_code="zh")
    await ann.send("/check")
    first = await ann.next_reply()
    assert "第1步" in first.text and "名称" in first.text
    assert "区" in (await say(ann, "韶关市某某机械有限公司")).text
    assert "支持方向" in (await press(ann, "浈江区")).text
    await press(ann, "1 上云上平台")
    await press(ann, "工业企业（含制造业企业）")
    await press(ann, "项目单位自己申报")
    await press(ann, "否")
    await say(ann, "没有")
    await say(ann, "不是")
    await say(ann, "2022年5月20日")
    await say(ann, "1个")
    nonsense = await say(ann, "很多钱吧")
    assert "没看懂这个金额" in nonsense.text and "项目总投资" in nonsense.text
    await say(ann, "2000万")
    await say(ann, "500万元")
    result = await say(ann, "0")
    assert "符合申报条件" in result.text
    assert "500万元 × 10% = 50万元" in result.text
    assert "估算奖补上限：50万元" in result.text
    assert "三、支持方式（一）" in result.text and "五、总体要求（三）" in result.text
    assert "2022年7月8日" in result.text and "附件2" in result.text and "附件3" in result.text
    labels = [label for row in result.buttons for label in row]
    assert {"转人工", "留下联系方式", "重新开始", "修改答案"} <= set(labels)

    # edit one answer from the summary: the verdict and estimate follow
    summary = await press(ann, "修改答案")
    assert "项目投资额" in summary.text
    await press(ann, "改：省级专项资金")
    changed = await say(ann, "900万")
    assert "900万元 × 10% = 90万元" in changed.text and "估算奖补上限：90万元" in changed.text

    # leave contact details with consent: a lead is stored
    await press(ann, "留下联系方式")
    await press(ann, "同意")
    await say(ann, "张三")
    bad_phone = await say(ann, "12345")
    assert "电话号码" in bad_phone.text
    saved = await say(ann, "0751-8884332")
    assert "已保存" in saved.text
    leads = running_bot.application.bot_data["assistant"].storage.leads()
    assert len(leads) == 1 and leads[0]["phone"] == "0751-8884332" and leads[0]["verdict"] == "eligible"
    assert leads[0]["estimate_yuan"] == "900000.00" and leads[0]["consent_at"]


async def test_english_check_with_an_unsure_answer(server: FakeBotApi, running_bot: RunningBot):
    bob = server.user(202, language_code="en")
    await bob.send("/check")
    await bob.next_reply()
    await say(bob, "Acme Shaoguan Ltd")
    await press(bob, "Wujiang District")
    helper = await press(bob, "Not sure which")
    assert "closest" in helper.text
    await press(bob, "A systemic platform pooling enterprises' production data into an 'industrial brain'")
    await press(bob, "Yes")  # applied by Shaoguan manufacturers (Section 3 item 3)
    await press(bob, "The enterprise itself")
    await press(bob, "No")
    await press(bob, "Not sure")
    await press(bob, "No")
    await say(bob, "2022-03-01")
    await say(bob, "2")
    await say(bob, "3,000,000")
    await say(bob, "none")  # provincial funds: they count against the investment ceiling too
    result = await say(bob, "0")
    assert "needs a person" in result.text
    assert "RMB 3,000,000 × 10% = RMB 300,000" in result.text
    assert "Talk to a person" in [label for row in result.buttons for label in row]


async def test_a_check_continues_after_the_bot_restarts(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(203, language_code="zh")
    await ann.send("/check")
    await ann.next_reply()
    await say(ann, "某某公司")
    await press(ann, "曲江区")
    await press(ann, "4 5G+制造业示范")
    await press(ann, "工业企业（含制造业企业）")
    await press(ann, "是")  # carried out in Shaoguan (三(四))

    await running_bot.stop()
    await running_bot.start()

    await ann.send("项目单位自己申报")  # typed instead of tapped, after the restart
    reply = await ann.next_reply()
    assert "财政资金" in reply.text and "第7步" in reply.text
    await ann.send("/check")
    offer = await ann.next_reply()
    assert "未完成" in offer.text
    resumed = await press(ann, "继续")
    assert "财政资金" in resumed.text

    await ann.send("/cancel")
    assert "已取消" in (await ann.next_reply()).text
    await ann.send("入库申报截止日期")
    assert "7月8日" in (await ann.next_reply()).text  # free text is a question again
