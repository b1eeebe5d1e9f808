"""Free-text questions the load benchmarks ask, each with a substring its answer must contain."""

QUESTIONS: tuple[tuple[str, str], ...] = (
    ("入库申报截止日期", "2022年7月8日"),
    ("验收申请截止日期", "8月26日"),
    ("最高能补多少钱", "最高100万元"),
    ("联系人是谁", "8884332"),
    ("哪些企业可以申报", "乳源瑶族自治县"),
    ("纸质材料要几份", "一式七份"),
    ("一个企业最多报几个项目", "最多申请2个项目"),
    ("明天会下雨吗", "不在本通知范围内"),
    ("What is the maximum subsidy?", "RMB 1,000,000"),
)
