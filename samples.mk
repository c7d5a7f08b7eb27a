# samples.mk -- every sample document: make renders each to out/NAME.pdf,
# and tests/e2e/samples.sh checks each one.
#   NAME_T  template      NAME_D  data files      NAME_V  -V settings

SAMPLES := songxian-2024 mengjin-2023

songxian-2024_T := templates/briefing.md
songxian-2024_D := input/songxian-2024.yaml
songxian-2024_V :=

mengjin-2023_T := templates/briefing.md
mengjin-2023_D := input/songxian-mengjin-2024.xml
mengjin-2023_V := -V region=mengjin -V period=2023 -V title=孟津区2023年工作回顾与2024年目标

# every Markdown element, for looking at
SAMPLES += tour
tour_T := templates/tour.md
tour_D := input/songxian-2024.yaml
tour_V :=

# the regions around Luoyang's centre side by side: comparison tables and charts
SAMPLES += comparison
comparison_T := templates/comparison.md
comparison_D := input/luoyang-five-2024.yaml input/songxian-mengjin-2024.xml input/yichuan-2024.xml
comparison_V :=

# the five counties around Luoyang's centre: their 2024 targets side by side,
# with ranks and shares among the counties that set each, and 伊川县's place
SAMPLES += comparison-five
comparison-five_T := templates/comparison-five.md
comparison-five_D := input/luoyang-five-2024.yaml input/songxian-mengjin-2024.xml input/yichuan-2024.xml
comparison-five_V :=

# 嵩县 专栏2 as a plan table, and its targets as charts
SAMPLES += plan
plan_T := templates/plan.md
plan_D := input/songxian-plan14.yaml
plan_V :=

# 嵩县's 2024 targets against its 2024 results: 完成率, 超额完成 sentences, ranks among counties
SAMPLES += annual
annual_T := templates/annual.md
annual_D := input/songxian-2024.yaml input/songxian-mengjin-2024.xml input/yichuan-2024.xml
annual_V :=

# 伊川縣's report (Traditional narratives) in one script: Traditional, and converted to Simplified
SAMPLES += yichuan-hant yichuan-hans
yichuan-hant_T := templates/briefing.md
yichuan-hant_D := input/yichuan-2024.xml
yichuan-hant_V := -V convert=s2t
yichuan-hans_T := templates/briefing.md
yichuan-hans_D := input/yichuan-2024.xml
yichuan-hans_V := -V convert=t2s

# a 通知 of GB/T 9704-2012: 版头, title, 主送机关, 附件说明, 署名 and 版记 (docs/gongwen.md)
SAMPLES += gongwen
gongwen_T := templates/gongwen.md
gongwen_D := input/songxian-mengjin-2024.xml
gongwen_V :=
