#!/usr/bin/env python3
"""Writes Corpora/unusual/: exports as real tools produce them (legacy charsets, UTF-16, other delimiters, no
header, paragraphs, gzip, nested XML), all with text the Rater team wrote. Deterministic: re-running it gives the
same bytes, so the files can be committed and the tests pin what Rater reads from each."""
import gzip
import io
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "Corpora", "unusual")


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as handle:
        handle.write(data)


def gz(data):
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as handle:
        handle.write(data)
    return buffer.getvalue()


os.makedirs(OUT, exist_ok=True)

# 1. GBK, as Chinese spreadsheet programs save "CSV": CRLF, a quoted comment with a comma and a line break.
gbk_hotel = (
    "编号,门店,日期,评分,评论\r\n"
    "H01,西湖店,2026-11-01,5,前台小姐姐很热情，入住很快，房间也干净。\r\n"
    "H02,西湖店,2026-11-01,2,空调坏了报修三次都没人来，晚上根本睡不着。\r\n"
    "H03,滨江店,2026-11-02,4,\"早餐种类不多,但是味道不错。\r\n服务员会主动加热牛奶。\"\r\n"
    "H04,滨江店,2026-11-02,1,退房时多扣了押金，打电话也没人处理。\r\n"
    "H05,西湖店,2026-11-03,5,房间隔音好，床很舒服，下次还住这家。\r\n"
    "H06,滨江店,2026-11-03,3,位置方便，就是停车场太小了。\r\n"
)
write("gbk_hotel.csv", gbk_hotel.encode("gbk"))

# 2. Big5, Traditional Chinese.
big5 = (
    "id,分店,評論\n"
    "T1,信義店,服務生很有禮貌，上菜速度也快。\n"
    "T2,信義店,等了一個小時才上菜，湯還是冷的。\n"
    "T3,中山店,環境乾淨，價格合理，會再來。\n"
    "T4,中山店,店員態度很差，問問題都不理人。\n"
)
write("big5_restaurant.csv", big5.encode("big5"))

# 3. UTF-16LE with BOM, tab-separated, CRLF: what spreadsheet programs call "Unicode text".
bank = (
    "id\tbranch\tcomment\r\n"
    "B1\t南京路支行\t柜员办理业务很专业，十分钟就办好了。\r\n"
    "B2\tQueens Rd\tWaited 50 minutes in the queue, only one counter open.\r\n"
    "B3\t南京路支行\tApp 转账老是失败，客服电话一直占线。\r\n"
    "B4\tQueens Rd\tThe advisor explained every fee patiently. Very reassuring.\r\n"
)
write("utf16le_bank.tsv", b"\xff\xfe" + bank.encode("utf-16-le"))

# 4. UTF-16BE with BOM.
telecom = (
    "id,comment\n"
    "C1,宽带装好第二天就断网，工程师上门两次才修好。\n"
    "C2,The engineer arrived on time and fixed the router in ten minutes.\n"
    "C3,套餐资费说明清楚，营业厅小哥很耐心。\n"
)
write("utf16be_telecom.csv", b"\xfe\xff" + telecom.encode("utf-16-be"))

# 5. Semicolons, as spreadsheet programs write where the decimal separator is a comma.
write("semicolon_retail.csv", (
    "id;store;score;comment\n"
    "R1;Lyon;4,5;Staff were friendly and the fitting rooms were clean.\n"
    "R2;Lyon;1,0;\"Ordered online; the parcel arrived late and damaged.\"\n"
    "R3;Paris;3,5;Checkout was slow, but the cashier apologised.\n"
    "R4;Paris;5,0;店员很耐心地帮我挑尺码。\n"
).encode("utf-8"))

# 6. Pipes, as call-centre systems export.
write("pipe_callcentre.csv", (
    "ticket|agent|notes\n"
    "K1|Ana|Customer says the agent solved the billing error on the first call.\n"
    "K2|Ben|Caller was transferred four times and hung up angry.\n"
    "K3|Chen|客户表示问题已经解决，很满意。\n"
).encode("utf-8"))

# 7. No header row: id, date, comment.
write("no_header.csv", (
    "9001,2026-11-20,Quick reply from support and a full refund.\n"
    "9002,2026-11-20,\"Nobody answered my emails, I am switching providers.\"\n"
    "9003,2026-11-21,快递员很准时，包装完好。\n"
).encode("utf-8"))

# 8. Blank-line separated survey answers, one comment per paragraph.
write("survey_paragraphs.txt", (
    "The nurse on the night shift checked on my father every hour.\n"
    "She explained each medicine before giving it.\n"
    "\n"
    "\n"
    "挂号排队排了两个小时，\n"
    "医生看诊不到五分钟。\n"
    "   \n"
    "Parking was impossible and the signs to the ward were confusing.\n"
    "\n"
    "检查报告第二天就出来了，很方便。\n"
).encode("utf-8"))

# 9. gzip with two members (cat a.gz b.gz), as log shippers append.
first = "id,text\nD1,Driver was polite and the food was still hot.\nD2,外卖送错了地址，骑手态度还很差。\n"
second = "D3,Order arrived 40 minutes late and the drinks were missing.\n"
write("delivery.csv.gz", gz(first.encode("utf-8")) + gz(second.encode("utf-8")))

# 10. A truncated gzip: the run keeps what came before and reports the rest as unreadable.
whole = gz(("id,text\n" + "".join(f"X{n},Line {n}: the service was fine.\n" for n in range(1, 400))).encode("utf-8"))
write("truncated.csv.gz", whole[: len(whole) // 2])

# 11. Nested XML: namespaces, CDATA, character references, attributes on nested elements.
write("nested_reviews.xml", (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<export xmlns="urn:example:reviews" xmlns:m="urn:example:meta">\n'
    '  <m:info generated="2026-11-25"/>\n'
    '  <review id="N1">\n'
    '    <m:meta><store code="SH-01">徐汇店</store><channel>app</channel></m:meta>\n'
    '    <body><title>Great night</title><p>The waiter remembered our allergy &amp; the kitchen was fast.</p></body>\n'
    '    <ratings><rating aspect="service" value="5"/><rating aspect="food" value="4"/></ratings>\n'
    '  </review>\n'
    '  <review id="N2">\n'
    '    <m:meta><store code="SH-02">静安店</store><channel>web</channel></m:meta>\n'
    '    <body><title>慢</title><p><![CDATA[上菜太慢了 <等了40分钟> & 没人道歉]]></p></body>\n'
    '    <ratings><rating aspect="service" value="1"/></ratings>\n'
    '  </review>\n'
    '  <review id="N3">\n'
    '    <m:meta><store code="SH-01">徐汇店</store><channel>app</channel></m:meta>\n'
    '    <body><title>&#x597D;</title><p>&#26381;&#21153;&#24456;&#22909; — service with a smile.</p></body>\n'
    '  </review>\n'
    '</export>\n'
).encode("utf-8"))

# 12. XML declared and encoded as GBK.
write("gbk_declared.xml", (
    '<?xml version="1.0" encoding="GBK"?>\n'
    '<feedback>\n'
    '  <item id="G1"><text>工程师响应及时，半小时就恢复了网络。</text></item>\n'
    '  <item id="G2"><text>工单提交三天没人跟进，太失望了。</text></item>\n'
    '</feedback>\n'
).encode("gbk"))

# 13. Windows-1252 English: curly quotes, an e-acute and a euro sign.
write("windows1252_en.csv", (
    "id,comment\r\n"
    "W1,The caf\u00e9 staff couldn\u2019t have been nicer.\r\n"
    "W2,\u201cPremium\u201d room for \u20ac250 and the shower was broken.\r\n"
).encode("cp1252"))

# 14. GBK with one corrupt record: 0x81 0x20 is not a GB18030 sequence.
bad = ("id,comment\n1,服务很周到。\n2,坏".encode("gbk") + b"\x81\x20" + "字节\n3,下次还来。\n".encode("gbk"))
write("invalid_bytes_gbk.csv", bad)

print("wrote", sorted(os.listdir(OUT)))
