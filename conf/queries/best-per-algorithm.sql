-- The best configuration of each allocation algorithm, by Sharpe ratio.
SELECT algorithm, config_id, round(sharpe, 3) AS sharpe, round(cagr, 4) AS cagr, round(max_drawdown, 4) AS max_drawdown
FROM (
  SELECT c.algorithm, p.*, row_number() OVER (PARTITION BY c.algorithm ORDER BY p.sharpe DESC NULLS LAST) AS rank
  FROM portfolio_metrics p JOIN configs c USING (config_id)
  WHERE p.status = 'OK')
WHERE rank = 1
ORDER BY sharpe DESC
