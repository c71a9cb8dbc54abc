"""What another document named in 《》 says is not in the store."""

from __future__ import annotations

from assistant.answer.scope.cited_documents import named_document_content


def test_what_another_named_document_says_is_not_in_the_store():
    titles = ["浙江省职业教育“十四五”发展规划（2021—2025年）"]
    assert named_document_content("《职业院校数字校园规范》里具体有哪些要求？", titles) == (
        "文件只提到了《职业院校数字校园规范》的名称，没有收录它的具体内容"
    )
    assert named_document_content("《浙江省职业教育“十四五”发展规划》里关于教材怎么说？", titles) is None
    assert named_document_content("规划里提到《职业院校数字校园规范》了吗？", titles) is None
