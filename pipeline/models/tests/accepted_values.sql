-- Enumerated columns hold only the values the dashboard knows how to label.
with observed as (
    select 'dim_major.level' as field, level as value from dim_major
    union all select 'dim_school.level', level from dim_school
    union all select 'mart_demand_slice.level', level from mart_demand_slice
    union all select 'dim_school.ownership', ownership from dim_school
    union all select 'dim_segment.stage', stage from dim_segment
    union all select 'stg_programmes.status', status from stg_programmes
    union all select 'mart_industry.signal', signal from mart_industry
    union all select 'mart_lag.strength', strength from mart_lag
),

accepted as (
    select unnest(['secondary', 'higher', 'bachelor']) as value, field
    from (values ('dim_major.level'), ('dim_school.level'), ('mart_demand_slice.level')) as f(field)
    union all select unnest(['public', 'private']), 'dim_school.ownership'
    union all select unnest(['upstream', 'midstream', 'downstream', 'service']), 'dim_segment.stage'
    union all select unnest(['active', 'suspended', 'closed']), 'stg_programmes.status'
    union all select unnest(['shortage', 'balanced', 'oversupply', 'no_demand']), 'mart_industry.signal'
    union all select unnest(['clear', 'no_clear_response', 'insufficient_data']), 'mart_lag.strength'
)

select o.field, o.value, count(*) as rows
from observed as o
anti join accepted as a using (field, value)
group by o.field, o.value
