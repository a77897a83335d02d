namespace Beacon.Core.Analytics;

/// <summary>
/// A primal simplex over bounded variables (<c>lower ≤ x ≤ upper</c>, upper may be +∞) subject to
/// equalities <c>A x = b</c>, used by the suppression audit to find how far each withheld cell can move.
/// </summary>
/// <remarks>
/// It starts from a point the caller knows to be feasible (the true counts), not from a phase 1:
/// every variable starts non-basic at that value and every row has a zero artificial variable in the
/// basis, fixed to 0, which leaves the basis at the first pivot on its row and never comes back. So the
/// tableau holds only the structural columns (rows × variables), and each objective starts from where the
/// previous one ended, feasible, with its reduced costs computed from one row. Non-basic variables may sit
/// between their bounds (the start point), so an eligible variable may move either way.
/// The coefficients are ±1 and the values counts, so doubles with a small tolerance are exact enough;
/// the caller rounds bounds inward with the same tolerance.
/// </remarks>
internal sealed class BoundedSimplex
{
    private const double Eps = 1e-9;
    private const int DegenerateStreakBeforeBland = 50;

    private readonly int rowCount;
    private readonly int columnCount;
    private readonly double[][] tableau;
    private readonly double[] lower;
    private readonly double[] upper;
    private readonly double[] x;
    private readonly int[] basisOfRow; // the basic column of each row, or -1 for the row's fixed artificial
    private readonly int[] rowOfColumn; // the row where a column is basic, or -1
    private readonly double[] reduced;

    /// <param name="rows">Dense rows of A (copied); b is implied by <paramref name="start"/>.</param>
    /// <param name="start">A point with A·start = b inside the bounds.</param>
    public BoundedSimplex(IReadOnlyList<double[]> rows, double[] lower, double[] upper, double[] start)
    {
        rowCount = rows.Count;
        columnCount = start.Length;
        tableau = rows.Select(r => (double[])r.Clone()).ToArray();
        this.lower = lower;
        this.upper = upper;
        x = (double[])start.Clone();
        basisOfRow = Enumerable.Repeat(-1, rowCount).ToArray();
        rowOfColumn = Enumerable.Repeat(-1, columnCount).ToArray();
        reduced = new double[columnCount];
    }

    /// <summary>The number of pivots and bound flips made so far (diagnostics).</summary>
    public long Steps { get; private set; }

    /// <summary>
    /// Minimises or maximises one variable, stopping as soon as it reaches <paramref name="goal"/>
    /// (the audit needs only to know whether the bound gets that far). Returns the value reached:
    /// the optimum if the goal is not reachable, ±∞ if unbounded.
    /// </summary>
    public double Optimize(int column, bool maximize, double goal)
    {
        var sign = maximize ? -1.0 : 1.0; // we minimise sign·x[column]
        PriceFor(column, sign);
        var degenerateStreak = 0;
        var stepLimit = 200L * (rowCount + columnCount) + 1000;
        for (var step = 0L; ; step++)
        {
            if (maximize ? x[column] >= goal - Eps : x[column] <= goal + Eps)
            {
                return x[column];
            }

            if (step > stepLimit)
            {
                throw new InvalidOperationException("The suppression audit's simplex did not converge.");
            }

            var entering = ChooseEntering(degenerateStreak > DegenerateStreakBeforeBland);
            if (entering < 0)
            {
                return x[column];
            }

            var direction = reduced[entering] < 0 ? 1.0 : -1.0;
            var (stepLength, leavingRow, leavingToUpper) = RatioTest(entering, direction);
            if (double.IsPositiveInfinity(stepLength))
            {
                return maximize ? double.PositiveInfinity : double.NegativeInfinity;
            }

            degenerateStreak = stepLength < Eps ? degenerateStreak + 1 : 0;
            Move(entering, direction * stepLength);
            Steps++;
            if (leavingRow >= 0)
            {
                Pivot(leavingRow, entering, leavingToUpper);
            }
        }
    }

    private void PriceFor(int column, double sign)
    {
        Array.Clear(reduced);
        var row = rowOfColumn[column];
        if (row < 0)
        {
            reduced[column] = sign;
            return;
        }

        // d_j = c_j − c_B·T_j, and c is zero except on the basic column of this row.
        var t = tableau[row];
        for (var j = 0; j < columnCount; j++)
        {
            reduced[j] = rowOfColumn[j] >= 0 ? 0 : -sign * t[j];
        }
    }

    private int ChooseEntering(bool bland)
    {
        var best = -1;
        var bestScore = Eps;
        for (var j = 0; j < columnCount; j++)
        {
            if (rowOfColumn[j] >= 0)
            {
                continue;
            }

            var d = reduced[j];
            var eligible = (d < -Eps && x[j] < upper[j] - Eps) || (d > Eps && x[j] > lower[j] + Eps);
            if (!eligible)
            {
                continue;
            }

            if (bland)
            {
                return j; // Bland's rule: the first eligible column, which cannot cycle.
            }

            if (Math.Abs(d) > bestScore)
            {
                bestScore = Math.Abs(d);
                best = j;
            }
        }

        return best;
    }

    private (double Length, int Row, bool ToUpper) RatioTest(int entering, double direction)
    {
        var length = direction > 0 ? upper[entering] - x[entering] : x[entering] - lower[entering];
        var leavingRow = -1;
        var toUpper = false;
        var bestPivot = 0.0;
        for (var i = 0; i < rowCount; i++)
        {
            var coefficient = tableau[i][entering];
            if (Math.Abs(coefficient) <= Eps)
            {
                continue;
            }

            // The basic variable of row i moves by −coefficient·direction per unit step.
            var rate = coefficient * direction;
            var basic = basisOfRow[i];
            double limit;
            bool hitsUpper;
            if (basic < 0)
            {
                (limit, hitsUpper) = (0, false); // a fixed artificial: it must leave now
            }
            else if (rate > 0)
            {
                (limit, hitsUpper) = (Math.Max(0, (x[basic] - lower[basic]) / rate), false);
            }
            else
            {
                limit = double.IsPositiveInfinity(upper[basic]) ? double.PositiveInfinity : Math.Max(0, (upper[basic] - x[basic]) / -rate);
                hitsUpper = true;
            }

            // Ties go to the larger pivot, for numerical stability.
            if (limit < length - Eps || (limit <= length + Eps && leavingRow >= 0 && Math.Abs(coefficient) > bestPivot))
            {
                (length, leavingRow, toUpper, bestPivot) = (limit, i, hitsUpper, Math.Abs(coefficient));
            }
        }

        return (length, leavingRow, toUpper);
    }

    private void Move(int entering, double delta)
    {
        if (delta == 0)
        {
            return;
        }

        x[entering] += delta;
        for (var i = 0; i < rowCount; i++)
        {
            var basic = basisOfRow[i];
            var coefficient = tableau[i][entering];
            if (basic >= 0 && coefficient != 0)
            {
                x[basic] -= coefficient * delta;
            }
        }
    }

    private void Pivot(int row, int entering, bool leavingToUpper)
    {
        var leaving = basisOfRow[row];
        if (leaving >= 0)
        {
            x[leaving] = leavingToUpper ? upper[leaving] : lower[leaving]; // snap: no drift past a bound
            rowOfColumn[leaving] = -1;
        }

        var pivotRow = tableau[row];
        var inverse = 1.0 / pivotRow[entering];
        for (var j = 0; j < columnCount; j++)
        {
            pivotRow[j] *= inverse;
        }

        pivotRow[entering] = 1;
        for (var i = 0; i < rowCount; i++)
        {
            var factor = tableau[i][entering];
            if (i == row || factor == 0)
            {
                continue;
            }

            var target = tableau[i];
            for (var j = 0; j < columnCount; j++)
            {
                target[j] -= factor * pivotRow[j];
            }

            target[entering] = 0;
        }

        var dEntering = reduced[entering];
        if (dEntering != 0)
        {
            for (var j = 0; j < columnCount; j++)
            {
                reduced[j] -= dEntering * pivotRow[j];
            }
        }

        reduced[entering] = 0;
        basisOfRow[row] = entering;
        rowOfColumn[entering] = row;
    }
}
