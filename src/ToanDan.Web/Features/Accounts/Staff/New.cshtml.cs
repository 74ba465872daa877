using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>Creates an account; a generated password is shown once, on the page that answers the form.</summary>
[Authorize(Policy = AccountsPermissions.ManageUsers)]
[HandlerRequired]
public sealed class NewModel(CreateUserInScope.Handler create, FindUnitsInScope.Handler find, AccountScope scope) : PageModel
{
    [BindProperty]
    public CreateUserInScope.Command Input { get; set; } = new();

    [BindProperty]
    public string? UnitSearch { get; set; }

    /// <summary>Units for the unit-code suggestions (empty for a national administrator).</summary>
    public IReadOnlyList<UnitName> Pickable { get; private set; } = [];

    /// <summary>Results of the unit search, when one was made.</summary>
    public IReadOnlyList<UnitName>? Found { get; private set; }

    /// <summary>True when the form came back with errors to list above it.</summary>
    public bool HasFormErrors => ModelState.Any(e => e.Key != nameof(UnitSearch) && e.Value?.Errors.Count > 0);

    /// <summary>Why the unit search found nothing to show, if it failed.</summary>
    public string? UnitSearchError => ModelState.TryGetValue(nameof(UnitSearch), out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    /// <summary>The unit-code helper of the role rows.</summary>
    public UnitPicker Picker => new(Pickable, UnitSearch, Found, UnitSearchError, "/staff/users/new?handler=FindUnits");

    /// <summary>The account just created.</summary>
    public CreateUserInScope.Created? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await PrepareAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The handler checks every rule itself (annotations included); its errors replace the binder's.
        ModelState.Clear();
        var result = await create.HandleAsync(User, Input, ct);
        if (result.IsSuccess)
        {
            Created = result.Value;

            // The page carries a password: keep it out of every cache.
            Response.Headers.CacheControl = "no-store";
            return Page();
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field is null ? "" : $"{nameof(Input)}.{error.Field}", error.Message);
        }

        await PrepareAsync(ct);
        return Page();
    }

    /// <summary>The unit search button inside the form: the page comes back with what was typed and the units found.</summary>
    public async Task<IActionResult> OnPostFindUnitsAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await find.HandleAsync(User, UnitSearch, ct);
        if (result.IsSuccess)
        {
            Found = result.Value;
        }
        else
        {
            ModelState.AddModelError(nameof(UnitSearch), result.Errors[0].Message);
        }

        await PrepareAsync(ct);
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        while (Input.Roles.Count < CreateUserInScope.RoleRows)
        {
            Input.Roles.Add(new CreateUserInScope.RoleRow());
        }

        Pickable = await scope.PickableAsync(scope.AdminUnits(User), 600, ct);
    }
}
