-- A major's crosswalk weights lie in (0, 1] and sum to at most 1, so a graduate is counted once.
select major_code, sum(weight) as total_weight, min(weight) as smallest_weight
from stg_crosswalk
group by major_code
having sum(weight) > 1 + 1e-9 or min(weight) <= 0
