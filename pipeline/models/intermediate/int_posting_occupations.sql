-- The occupation each distinct title names (the occupation axis): of its words in the occupation
-- table, the last one, as the head of a Chinese title comes last (汽车销售顾问 is a 销售顾问), then
-- the longer word. A title without an occupation word has no row.
-- incremental: unique key title
-- grain: title
with positions as (
    select value, unnest(words) as word, generate_subscripts(words, 1) as pos
    from raw_posting_words
    where field = 'title'
)

select
    p.value as title,
    o.occupation,
    o.major_group,
    o.cross_cutting
from positions as p
inner join raw_posting_occupations as o on lower(o.word) = p.word
qualify row_number() over (partition by p.value order by p.pos desc, length(o.word) desc, o.word) = 1
