-- Rolling-origin back-test per industry and method, beside the naive baseline on the same years;
-- `chosen` marks the method the outlook uses and `reason` says why.
select
    industry_code,
    method,
    chosen,
    reason,
    history_years,
    origins,
    pairs,
    mape,
    baseline_mape,
    coverage80,
    coverage95
from raw_outlook_backtest
