-- Counts are INTEGER and amounts DOUBLE in every dim_/mart_ table: 64/128-bit integers and
-- decimals would reach the dashboard as BigInt or strings.
select table_name, column_name, data_type
from information_schema.columns
where (table_name like 'dim\_%' escape '\' or table_name like 'mart\_%' escape '\')
    and (data_type in ('BIGINT', 'HUGEINT', 'UBIGINT', 'UHUGEINT') or data_type like 'DECIMAL%')
