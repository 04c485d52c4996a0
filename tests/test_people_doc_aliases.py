"""``merge.people._doc_people``: a title written right before a name is an alias of that
person, found per role by the mentions ending with it (issue 10: a scan of every mention of
the person per role was quadratic in one long document)."""

from __future__ import annotations

from histograph.merge.people import _doc_people
from histograph.model import Analysis, Document, EntityMention, RoleClaim


def test_title_before_each_mention_counts_once_per_role_in_a_long_page() -> None:
    sentence = "Then Governor Ada Lind spoke. "
    n = 40
    text = sentence * n + "Ada Lind left. young Lind sailed."
    ents, roles = [], []
    for i in range(n):
        s = i * len(sentence) + len("Then Governor ")
        ents.append(EntityMention("d", s, s + 8, "Ada Lind", "PERSON", "Ada Lind"))
        roles.append(RoleClaim("d", s - 9, s + 8, "Ada Lind", "Governor"))
    tail = n * len(sentence)
    ents.append(EntityMention("d", tail, tail + 8, "Ada Lind", "PERSON", "Ada Lind"))
    # a role ending where no mention ends gives no alias; one with another title before
    # the name ("young") neither, the title written being not the role's
    adm = text.index("young Lind")
    ents.append(EntityMention("d", adm + 6, adm + 10, "Lind", "PERSON", "Ada Lind"))
    roles.append(RoleClaim("d", adm, adm + 10, "Ada Lind", "Governor"))
    roles.append(RoleClaim("d", tail, tail + 5, "Ada Lind", "Governor"))
    a = Analysis(Document("d", "mem:d", text, "txt"), entities=tuple(ents), roles=tuple(roles))
    [dp] = _doc_people(a)
    assert dp.aliases["Governor Ada Lind"] == n
    assert dp.aliases["Ada Lind"] == n + 1
    assert "young Lind" not in dp.aliases
    assert len(dp.roles) == n + 2
