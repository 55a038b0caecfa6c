-- Rolling-origin back-test per industry and method, beside the naive baseline on the same years;
-- `chosen` marks the method the outlook uses and `reason` says why.
-- grain: industry_code, method
-- not null: chosen, history_years, origins, pairs
-- references: industry_code -> dim_industry
-- accepted values: method in (naive, drift, ets)
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
