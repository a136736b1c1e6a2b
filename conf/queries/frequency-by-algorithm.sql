-- Mean Sharpe ratio for each rebalance frequency (rows, most frequent first) and algorithm (columns).
SELECT rebalance_frequency, fixed, risk_parity, kelly FROM (
  SELECT c.rebalance_frequency, c.rebalance_frequency_bars, c.allocation_algorithm AS algorithm, p.sharpe
  FROM portfolio_metrics p JOIN configs c USING (config_id)
  WHERE p.status = 'OK')
PIVOT (round(avg(sharpe), 3) FOR algorithm IN ('fixed' AS fixed, 'risk-parity' AS risk_parity, 'kelly' AS kelly))
ORDER BY rebalance_frequency_bars NULLS LAST
