using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Pages;

public static class TrySaveExtensions
{
    /// <summary>
    /// The one way a form applies a change: through the entity's method, then one save. Unless the result
    /// is <see cref="SaveResult.Saved"/>, nothing was stored.
    /// </summary>
    public static async Task<SaveResult> TrySaveAsync(this PlanDb db, Action change, ModelStateDictionary modelState, CancellationToken ct)
    {
        try
        {
            change();
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved;
        }
        catch (DomainException ex)
        {
            modelState.AddModelError("", ex.Message);
            return SaveResult.Refused;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
    }
}
