using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ToanDan.Web.Features.Media;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.ProcedureStats;

namespace ToanDan.Web.Features.Portal.Caching;

/// <summary>
/// Evicts the portal's output cache after a save that changes what the public sees: an article that is or was
/// published or scheduled (publish, schedule, withdraw, edit of a published article), a category, the portal
/// settings, a TTHC period, a deleted media file. Eviction waits for the commit when the save runs inside a
/// transaction (the audit trail opens one), so no page is re-cached from data that could still roll back. Every
/// writer is covered — pages, API, imports, CLI and tests — because it hooks EF Core, not the handlers.
/// </summary>
public sealed class PortalCacheInvalidator(PortalCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];
    private static readonly object Marker = new();

    /// <summary>True when saving this entry changes a public page.</summary>
    public static bool ChangesPortal(EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            return false;
        }

        return entry.Entity switch
        {
            Article article => IsPublic(article.Status)
                || (entry.State != EntityState.Added && entry.Property(nameof(Article.Status)).OriginalValue is ArticleStatus before && IsPublic(before)),
            Category or PortalSettings or ProcedurePeriod => true,
            MediaItem => entry.State == EntityState.Deleted,
            _ => false,
        };
    }

    private static bool IsPublic(ArticleStatus status) => status is ArticleStatus.Published or ArticleStatus.Scheduled;

    private static void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(ChangesPortal))
        {
            Pending.AddOrUpdate(context, Marker);
        }
    }

    private async ValueTask FlushAsync(DbContext? context, bool committed, CancellationToken ct)
    {
        if (context is null || !Pending.TryGetValue(context, out _))
        {
            return;
        }

        if (committed || context.Database.CurrentTransaction is null)
        {
            Pending.Remove(context);
            await cache.EvictAsync(ct);
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }

    InterceptionResult<int> ISaveChangesInterceptor.SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    int ISaveChangesInterceptor.SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        FlushAsync(eventData.Context, false, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    async ValueTask<int> ISaveChangesInterceptor.SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken)
    {
        await FlushAsync(eventData.Context, false, cancellationToken);
        return result;
    }

    void ISaveChangesInterceptor.SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    Task ISaveChangesInterceptor.SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushAsync(eventData.Context, true, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken) =>
        FlushAsync(eventData.Context, true, CancellationToken.None).AsTask();

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }
}
