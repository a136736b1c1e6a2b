-- The best configuration of each allocation algorithm, by Sharpe ratio.
SELECT algorithm, config_id, round(sharpe, 3) AS sharpe, round(cagr, 4) AS cagr, round(max_drawdown, 4) AS max_drawdown
FROM (
  SELECT c.allocation_algorithm AS algorithm, p.*,
         row_number() OVER (PARTITION BY c.allocation_algorithm ORDER BY p.sharpe DESC NULLS LAST) AS rank
  FROM portfolio_metrics p JOIN configs c USING (config_id)
  WHERE p.status = 'OK')
WHERE rank = 1
ORDER BY sharpe DESC
