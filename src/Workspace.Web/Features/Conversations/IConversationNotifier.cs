namespace Workspace.Web.Features.Conversations;

/// <summary>
/// How agent sessions learn about conversations without polling or dialling the app's own hub.
/// Subscriptions are disposable; a handler runs off the publisher's path, so one slow session never
/// delays the others. One node uses <see cref="InProcessConversationNotifier"/>; several nodes need an
/// implementation over a shared bus (Redis pub/sub) behind this same interface.
/// </summary>
public interface IConversationNotifier
{
    IDisposable SubscribeConversation(long conversationId, Func<ConversationSignal, Task> handler);

    /// <summary>Every conversation change, for inbox lists and counts.</summary>
    IDisposable SubscribeInbox(Func<ConversationChanged, Task> handler);

    IDisposable SubscribeStaff(long userId, Func<StaffNotified, Task> handler);

    /// <summary>New events, transactions or profile data for one customer (context panels reload).</summary>
    IDisposable SubscribeCustomer(long customerId, Func<CustomerDataChanged, Task> handler);

    void Publish(CustomerDataChanged change);

    void Publish(ConversationSignal signal);

    void Publish(StaffNotified notification);
}
