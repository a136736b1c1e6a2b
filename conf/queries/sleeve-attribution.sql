-- Where the best configuration's money came from: each sleeve's weight, return, risk and P&L.
SELECT s.sleeve_id, round(s.final_weight, 3) AS final_weight, round(s.cagr, 4) AS cagr, round(s.sharpe, 3) AS sharpe,
       round(s.max_drawdown, 4) AS max_drawdown, round(s.final_nav - s.allocated, 2) AS pnl, round(s.costs, 2) AS costs
FROM sleeve_metrics s
WHERE s.config_id = (SELECT config_id FROM portfolio_metrics WHERE status = 'OK' ORDER BY sharpe DESC LIMIT 1)
ORDER BY pnl DESC
